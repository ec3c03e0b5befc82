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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.litellm.spring.autoconfigure.LiteLlmProperties.Adapter;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code litellm.metrics-auth.adapter}, bound in any spelling
 * ({@code HTTP_HANDLER}), is the given adapter; the WebFilter is the default.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnAdapterCondition.class)
@interface ConditionalOnAdapter {

	Adapter value();

}
