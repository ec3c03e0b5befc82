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

package ai.litellm.spring.benchmarks.filters;

import java.io.IOException;

import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The starter's servlet guard inside Spring's {@link OncePerRequestFilter}, the base
 * class most Spring MVC filters extend: the same check and the same call of the chain,
 * reached through the base class. For the benchmarks only, to answer whether that base
 * class adds work to every request.
 * <p>
 * What it adds on every request, whatever the filter does: the name of its "already
 * filtered" attribute, built by concatenating the filter's name with {@code ".FILTERED"},
 * two attribute reads, and an attribute set before and removed after the filter runs.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class OncePerRequestMetricsAuthFilter extends OncePerRequestFilter {

	private final MetricsAuthServletFilter delegate;

	/**
	 * Create a filter around the starter's servlet filter.
	 * @param delegate the starter's filter
	 */
	public OncePerRequestMetricsAuthFilter(MetricsAuthServletFilter delegate) {
		this.delegate = delegate;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.delegate.doFilter(request, response, chain);
	}

	@Override
	public String toString() {
		return "OncePerRequestMetricsAuthFilter";
	}

}
