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

package ai.litellm.spring.benchmarks.jmh;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Stands in for the rest of a servlet application behind the filter under test: it counts
 * the requests that reach it and does nothing else, so it adds neither time nor
 * allocation of its own. The servlet counterpart of {@link TerminalHandler}.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class TerminalFilterChain implements FilterChain {

	private long handled;

	@Override
	public void doFilter(ServletRequest request, ServletResponse response) {
		this.handled++;
	}

	/**
	 * Return how many requests reached the application.
	 * @return the number of handled requests
	 */
	public long handled() {
		return this.handled;
	}

}
