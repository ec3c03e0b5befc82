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

package ai.litellm.spring.metrics.servlet;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.RequestHeaders;
import ai.litellm.spring.metrics.Verdict;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * Servlet {@link Filter} that requires a valid API key on metrics paths and lets every
 * other request through untouched: the servlet adapter of the {@link MetricsGuard}. A key
 * not held in memory goes to the application's key store on the request thread; give it a
 * {@link BoundedApiKeyAuthenticator} for the wait to be bounded.
 * <p>
 * Not an {@code OncePerRequestFilter}, whose request attribute would cost every request:
 * authenticating again on a forward or error dispatch is harmless.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsAuthServletFilter implements Filter {

	private final MetricsGuard guard;

	private final ServletMetricsPaths paths;

	private final @Nullable ApiKeyAuthenticator keyStore;

	/**
	 * Create a filter.
	 * @param guard the guard to apply
	 * @param keyStore the application's key store, asked about keys the guard does not
	 * hold, or {@code null}
	 */
	public MetricsAuthServletFilter(MetricsGuard guard, @Nullable ApiKeyAuthenticator keyStore) {
		this.guard = guard;
		this.paths = new ServletMetricsPaths(guard.getPaths());
		this.keyStore = keyStore;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse)
				|| !this.paths.matches(httpRequest)) {
			chain.doFilter(request, response);
			return;
		}
		Verdict verdict = this.guard.check(headers(httpRequest));
		String apiKey = verdict.keyToLookUp();
		if (apiKey != null) {
			verdict = lookUp(apiKey);
		}
		if (verdict.isAccepted()) {
			// What a key unlocked is for that key alone: no shared cache may keep it.
			httpResponse.setHeader("Cache-Control", "no-store");
			chain.doFilter(request, response);
			return;
		}
		write(verdict, httpRequest, httpResponse);
	}

	// Straight to the response: no exception, nothing downstream called.
	private static void write(Verdict verdict, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		byte[] body = verdict.body();
		response.setStatus(verdict.status());
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.setHeader("Cache-Control", "no-store");
		for (Verdict.Header header : verdict.headers()) {
			response.addHeader(header.name(), header.value());
		}
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
		response.flushBuffer();
	}

	private Verdict lookUp(String apiKey) {
		if (this.keyStore == null) {
			return this.guard.answer(null);
		}
		AuthenticatedKey key;
		try {
			key = this.keyStore.authenticate(apiKey);
		}
		catch (RuntimeException ex) {
			return this.guard.unavailable(ex);
		}
		return this.guard.answer(key);
	}

	private static RequestHeaders headers(HttpServletRequest request) {
		return (name) -> {
			Enumeration<String> values = request.getHeaders(name);
			return (values != null && values.hasMoreElements()) ? Collections.list(values) : null;
		};
	}

	@Override
	public String toString() {
		return "MetricsAuthServletFilter";
	}

}
