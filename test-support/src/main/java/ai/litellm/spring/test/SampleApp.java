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

package ai.litellm.spring.test;

import java.util.List;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a stack runs its sample app, and what the shared fixtures need to know of it.
 *
 * @author LiteLLM Spring Boot contributors
 */
public interface SampleApp {

	ConfigurableApplicationContext run(Class<?>[] sources, String... args);

	Class<?> caseInsensitiveRouting();

	List<Prefix> prefixes();

	default int statusOfAPathThatEndsAPrefixInsideASegment() {
		return 401;
	}

	default Set<String> spellings(List<String> paths) {
		return MetricsPathSpellings.of(paths);
	}

	/**
	 * A prefix of the application's paths.
	 *
	 * @param path the prefix
	 * @param settings the properties that set it
	 */
	record Prefix(String path, String... settings) {

		@Override
		public String toString() {
			return this.path;
		}

	}

}
