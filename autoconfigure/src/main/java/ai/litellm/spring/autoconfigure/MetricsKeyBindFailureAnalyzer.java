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

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a failure to bind a key property without its value, which Spring Boot's own
 * analyzer, ordered after this one, would print.
 *
 * @author LiteLLM Spring Boot contributors
 */
class MetricsKeyBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String name = cause.getName().toString();
		Stream<String> unbound = (cause.getCause() instanceof UnboundConfigurationPropertiesException ex)
				? ex.getUnboundProperties().stream().map(ConfigurationProperty::getName).map(Object::toString)
				: Stream.empty();
		if (!KeyProperty.holdsKeys(name) && unbound.noneMatch(KeyProperty::holdsKeys)) {
			return null;
		}
		return new FailureAnalysis(
				"Failed to bind the metrics key property '" + name + "' (its value is not shown: "
						+ "it holds a key): it does not have the form the property takes.",
				"Give litellm.master-key one key, litellm.metrics-auth.keys and key-hashes a list of keys or digests "
						+ "(keys[0]=..., keys[1]=...), and litellm.metrics-auth.named-keys one key per name "
						+ "(named-keys.<name>=...).",
				null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
