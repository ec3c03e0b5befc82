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

import java.util.regex.Pattern;

import ai.litellm.spring.metrics.MetricsPathMatcher;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.RequestPath;

/**
 * Decides whether a servlet request targets a metrics path, on both views a container
 * gives of it: the request URI as {@code DispatcherServlet} routes it, and the
 * container's decoded, normalised servlet path and path info, on which it maps other
 * servlets. Nearly every request is decided on its URI alone, without allocating.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ServletMetricsPaths {

	private static final Pattern ENCODED_SLASH = Pattern.compile("%2F", Pattern.CASE_INSENSITIVE);

	private final MetricsPathMatcher paths;

	ServletMetricsPaths(MetricsPathMatcher paths) {
		this.paths = paths;
	}

	boolean matches(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.INCLUDE
				&& request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI) instanceof String includedUri) {
			// An include is routed on its own paths, which the container gives as
			// attributes; the request's own describe the including request.
			return isMetricsRequest(includedUri, request.getContextPath(),
					stringAttribute(request, RequestDispatcher.INCLUDE_SERVLET_PATH),
					(String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO));
		}
		String uri = request.getRequestURI();
		if (!this.paths.mayHoldGuardedPath(uri)) {
			// Nearly every request: nothing to decode, no backslash a container could
			// take for a separator, no segment that can start a guarded path.
			return false;
		}
		String servletPath;
		String pathInfo;
		try {
			servletPath = request.getServletPath();
			pathInfo = request.getPathInfo();
		}
		catch (RuntimeException ex) {
			// Jetty with relaxed URI compliance refuses an ambiguous URI
			// (/files/a%2Fb.pdf) here. With no mapping to go by, guard a metrics path
			// after any prefix.
			return isMetricsUriAfterAnyPrefix(uri, request.getContextPath());
		}
		return isMetricsRequest(uri, request.getContextPath(), servletPath, pathInfo);
	}

	private boolean isMetricsUriAfterAnyPrefix(String uri, String contextPath) {
		int segments = segments(uri);
		for (int prefixSegments = 0; prefixSegments <= segments; prefixSegments++) {
			if (isMetricsUri(uri, contextPath, prefixSegments)) {
				return true;
			}
		}
		return false;
	}

	// Either view: the raw URI as DispatcherServlet routes it, or the normalised servlet
	// path and path info (a servlet at a metrics path also answers /x/../metrics).
	private boolean isMetricsRequest(String uri, String contextPath, String servletPath, @Nullable String pathInfo) {
		// A path-mapped servlet (/api/*) routes what follows its prefix.
		int prefixSegments = (pathInfo != null) ? segments(servletPath) : 0;
		return isMetricsUri(uri, contextPath, prefixSegments) || ((pathInfo != null)
				? this.paths.matchesPlainPath(servletPath, pathInfo) : this.paths.matchesPlainPath(servletPath, 0, 0));
	}

	private boolean isMetricsUri(String uri, String contextPath, int prefixSegments) {
		if (uri.indexOf('%') == -1 && uri.indexOf(';') == -1 && uri.startsWith(contextPath)) {
			int from = contextPath.length();
			return this.paths.matchesPlainPath(uri, from, 0)
					|| (prefixSegments > 0 && this.paths.matchesPlainPath(uri, from, prefixSegments));
		}
		return isMetricsParsedPath(uri, contextPath, prefixSegments) || (hasEncodedSlash(uri)
				&& isMetricsParsedPath(ENCODED_SLASH.matcher(uri).replaceAll("/"), contextPath, prefixSegments));
	}

	// Spring MVC's AntPathMatcher, behind a container that passes %2F through, decodes
	// the whole URI before it splits it: /%2Fmetrics is routed as //metrics.
	private static boolean hasEncodedSlash(String uri) {
		int percent = uri.indexOf('%');
		return percent != -1 && ENCODED_SLASH.matcher(uri).find(percent);
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

}
