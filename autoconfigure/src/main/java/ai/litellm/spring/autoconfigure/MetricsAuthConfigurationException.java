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

/**
 * Thrown at startup when the metrics guard is asked for but cannot be set up, so that the
 * application fails closed. The message never holds a key.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public class MetricsAuthConfigurationException extends IllegalStateException {

	private final String action;

	MetricsAuthConfigurationException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * Return what to do to fix the configuration.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
