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
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.RequestHeaders;
import ai.litellm.spring.metrics.Verdict;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.RequestPath;

/**
 * Servlet {@link Filter} that requires a valid API key on metrics paths and lets every
 * other request through untouched: the servlet adapter of the {@link MetricsGuard}.
 * <p>
 * A key that none of the configured keys is goes to the application's key store, if it
 * has one, on the request thread; give it a {@link BoundedApiKeyAuthenticator} for the
 * wait to be bounded.
 * <p>
 * It decides on the request URI as Spring MVC's {@code DispatcherServlet} routes it: the
 * raw URI within the context path, decoded segment by segment with path parameters
 * removed, and also within a path-mapped servlet's prefix
 * ({@code spring.mvc.servlet.path}). A URI without {@code %} or {@code ;}, which is
 * nearly every request, is compared character by character without allocating; any other
 * is parsed first. It also decides on the container's own view, the decoded and
 * normalised servlet path and path info, on which the container maps servlets other than
 * {@code DispatcherServlet}. An include dispatch is decided on the included paths.
 * <p>
 * A plain {@code Filter} rather than Spring's {@code OncePerRequestFilter}: that base
 * class reads, sets and removes a request attribute on every request to run once per
 * request, work the fast path does not need, since authenticating again on a forward or
 * error dispatch is harmless and only happens on metrics paths.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsAuthServletFilter implements Filter {

	private final MetricsGuard guard;

	private final MetricsPathMatcher paths;

	private final @Nullable ApiKeyAuthenticator keyStore;

	/**
	 * Create a filter.
	 * @param guard the guard to apply
	 * @param keyStore the application's key store, asked about keys the guard does not
	 * hold, or {@code null}
	 */
	public MetricsAuthServletFilter(MetricsGuard guard, @Nullable ApiKeyAuthenticator keyStore) {
		this.guard = guard;
		this.paths = guard.getPaths();
		this.keyStore = keyStore;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse)
				|| !isMetricsRequest(httpRequest)) {
			chain.doFilter(request, response);
			return;
		}
		Verdict verdict = this.guard.check(headers(httpRequest));
		String apiKey = verdict.keyToLookUp();
		if (apiKey != null) {
			verdict = lookUp(apiKey);
		}
		if (verdict.isAccepted()) {
			chain.doFilter(request, response);
			return;
		}
		write(verdict, httpRequest, httpResponse);
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

	private boolean isMetricsRequest(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.INCLUDE
				&& request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI) instanceof String includedUri) {
			// An include is routed on its own paths, which the container gives as
			// attributes; the request's own describe the including request.
			return isMetricsRequest(includedUri, request.getContextPath(),
					stringAttribute(request, RequestDispatcher.INCLUDE_SERVLET_PATH),
					(String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO));
		}
		return isMetricsRequest(request.getRequestURI(), request.getContextPath(), request.getServletPath(),
				request.getPathInfo());
	}

	// Guarded when either view is a metrics path: the raw URI as DispatcherServlet routes
	// it, or the decoded, normalised servlet path and path info on which the container
	// maps servlets of its own (one registered at a metrics path also answers
	// /x/../metrics).
	private boolean isMetricsRequest(String uri, String contextPath, String servletPath, @Nullable String pathInfo) {
		// A path-mapped servlet (/api/*) routes what follows its prefix.
		int prefixSegments = (pathInfo != null) ? segments(servletPath) : 0;
		return isMetricsUri(uri, contextPath, prefixSegments) || ((pathInfo != null)
				? this.paths.matchesPlainPath(servletPath, pathInfo) : this.paths.matchesPlainPath(servletPath, 0, 0));
	}

	private boolean isMetricsUri(String uri, String contextPath, int prefixSegments) {
		if (uri.indexOf('%') < 0 && uri.indexOf(';') < 0 && uri.startsWith(contextPath)) {
			int from = contextPath.length();
			return this.paths.matchesPlainPath(uri, from, 0)
					|| (prefixSegments > 0 && this.paths.matchesPlainPath(uri, from, prefixSegments));
		}
		return isMetricsParsedPath(uri, contextPath, prefixSegments);
	}

	private boolean isMetricsParsedPath(String uri, String contextPath, int prefixSegments) {
		RequestPath path;
		try {
			path = RequestPath.parse(uri, uri.startsWith(contextPath) ? contextPath : null);
		}
		catch (IllegalArgumentException ex) {
			// Not a path Spring MVC can route either; guard it rather than guess.
			return true;
		}
		return this.paths.matches(path.pathWithinApplication(), 0)
				|| (prefixSegments > 0 && this.paths.matches(path.pathWithinApplication(), prefixSegments));
	}

	private static String stringAttribute(HttpServletRequest request, String name) {
		return (request.getAttribute(name) instanceof String value) ? value : "";
	}

	private static int segments(String servletPath) {
		int segments = 0;
		for (int i = 0; i < servletPath.length(); i++) {
			if (servletPath.charAt(i) == '/' && i + 1 < servletPath.length() && servletPath.charAt(i + 1) != '/') {
				segments++;
			}
		}
		return segments;
	}

	private static RequestHeaders headers(HttpServletRequest request) {
		return (name) -> {
			Enumeration<String> values = request.getHeaders(name);
			return (values != null && values.hasMoreElements()) ? Collections.list(values) : null;
		};
	}

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

	@Override
	public String toString() {
		return "MetricsAuthServletFilter";
	}

}
