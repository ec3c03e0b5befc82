/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package ai.litellm.spring.autoconfigure;

import java.util.Map;

import ai.litellm.spring.autoconfigure.LiteLlmProperties.Adapter;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnAdapter}.
 *
 * @author LiteLLM Spring Boot contributors
 */
class OnAdapterCondition extends SpringBootCondition {

	static final String ADAPTER_PROPERTY = "litellm.metrics-auth.adapter";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnAdapter.class.getName());
		Adapter required = (Adapter) attributes.get("value");
		Adapter bound = boundAdapter(context.getEnvironment());
		String message = ADAPTER_PROPERTY + " is " + bound;
		return (bound == required) ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
	}

	static Adapter boundAdapter(Environment environment) {
		return Binder.get(environment).bind(ADAPTER_PROPERTY, Adapter.class).orElse(Adapter.WEB_FILTER);
	}

}
