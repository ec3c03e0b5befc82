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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import ai.litellm.spring.benchmarks.app.LoadTestApplication;
import ai.litellm.spring.benchmarks.app.SecurityModeConfiguration;
import ai.litellm.spring.benchmarks.app.ServletSecurityModeConfiguration;
import ai.litellm.spring.benchmarks.filters.ComposedMetricsAuthWebFilter;
import ai.litellm.spring.benchmarks.filters.OncePerRequestMetricsAuthFilter;
import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;

/**
 * Builds what the benchmarks and the allocation tests run on: exchanges, and the filters
 * configured as the load-test application configures them.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class BenchmarkFixtures {

	/**
	 * HTTP Basic credentials with the API key as the password, accepted by every mode.
	 */
	public static final String BASIC_CREDENTIALS = "Basic " + Base64.getEncoder()
		.encodeToString(
				(LoadTestApplication.USER + ":" + LoadTestApplication.API_KEY).getBytes(StandardCharsets.UTF_8));

	private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

	private BenchmarkFixtures() {
	}

	/**
	 * Return a {@code GET /health} request.
	 * @return the request
	 */
	public static ServerHttpRequest health() {
		return MockServerHttpRequest.get("/health").build();
	}

	/**
	 * Return a {@code GET /metrics} request without credentials.
	 * @return the request
	 */
	public static ServerHttpRequest metricsWithoutKey() {
		return MockServerHttpRequest.get("/metrics").build();
	}

	/**
	 * Return a {@code GET /metrics} request with valid HTTP Basic credentials.
	 * @return the request
	 */
	public static ServerHttpRequest metricsWithKey() {
		return MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, BASIC_CREDENTIALS).build();
	}

	/**
	 * Create an exchange as a server's {@code HttpWebHandlerAdapter} does, with its web
	 * session already resolved.
	 * <p>
	 * Spring Security looks up the session on every request. Without a session cookie a
	 * new one is created, and Spring's in-memory session store creates it on another
	 * thread ({@code boundedElastic}, then back on {@code parallel}): an asynchronous
	 * step a synchronous benchmark cannot time. The exchange caches its session, so
	 * resolving it here once keeps every later call synchronous; the cost of creating a
	 * session per request shows only in the load test.
	 * @param request the request
	 * @param response the response
	 * @return the exchange
	 */
	public static ServerWebExchange exchange(ServerHttpRequest request, ServerHttpResponse response) {
		ServerWebExchange exchange = new DefaultServerWebExchange(request, response, new DefaultWebSessionManager(),
				ServerCodecConfigurer.create(), new AcceptHeaderLocaleContextResolver());
		exchange.getSession().block(SESSION_TIMEOUT);
		return exchange;
	}

	/**
	 * Create the starter's guard for {@code /metrics} and the load test's key, held in
	 * memory as the auto-configuration holds {@code litellm.master-key}.
	 * @return the guard
	 */
	public static MetricsGuard guard() {
		return new MetricsGuard(metricsPaths(), new KeyRing(acceptedKeys()), AuthenticationListener.NONE);
	}

	/**
	 * Create the starter's filter as its auto-configuration does for an application
	 * without a key store of its own.
	 * @return the filter
	 */
	public static MetricsAuthWebFilter starterFilter() {
		return new MetricsAuthWebFilter(guard(), null, MetricsAuthWebFilter.DEFAULT_ORDER);
	}

	/**
	 * Create the starter's {@code HttpHandler} decorator as its auto-configuration does
	 * for an application without a key store or forwarded-header transformer of its own.
	 * @param application the application's handler
	 * @return the decorator
	 */
	public static MetricsAuthHttpHandlerDecorator starterHandlerDecorator(HttpHandler application) {
		return new MetricsAuthHttpHandlerDecorator(guard(), null, application, null);
	}

	/**
	 * Create the composed-style reference filter for the same paths and key.
	 * @return the filter
	 */
	public static ComposedMetricsAuthWebFilter composedFilter() {
		return new ComposedMetricsAuthWebFilter(guard());
	}

	/**
	 * Start a small Spring context with the load-test application's Spring Security
	 * configuration. Close it when done.
	 * <p>
	 * Logging is set to {@code WARN} first, as in the load-test application: a plain
	 * context has no Spring Boot logging configuration, and Logback's default level,
	 * {@code DEBUG}, would have Spring Security format and print several messages per
	 * request.
	 * @return the context, holding a {@link WebFilterChainProxy}
	 */
	public static AnnotationConfigApplicationContext springSecurity() {
		logOnlyWarnings();
		return new AnnotationConfigApplicationContext(SecurityModeConfiguration.class);
	}

	/**
	 * Return a servlet {@code GET} request as a {@code DispatcherServlet} mapped to
	 * {@code /} sees it: no context path, no servlet path. Its getters return fields, so
	 * reading it allocates nothing.
	 * @param uri the request URI
	 * @return the request
	 */
	public static MockHttpServletRequest servletGet(String uri) {
		return new MockHttpServletRequest("GET", uri);
	}

	/**
	 * Return a servlet {@code GET /metrics} request with valid HTTP Basic credentials.
	 * @return the request
	 */
	public static MockHttpServletRequest servletMetricsWithKey() {
		MockHttpServletRequest request = servletGet("/metrics");
		request.addHeader(HttpHeaders.AUTHORIZATION, BASIC_CREDENTIALS);
		return request;
	}

	/**
	 * Create the starter's servlet filter as its auto-configuration does.
	 * @return the filter
	 */
	public static MetricsAuthServletFilter starterServletFilter() {
		return new MetricsAuthServletFilter(guard(), null);
	}

	/**
	 * Create the starter's servlet filter inside a {@code OncePerRequestFilter}, named as
	 * the starter registers its filter: the name is part of the attribute that base class
	 * sets on every request.
	 * @return the filter
	 */
	public static OncePerRequestMetricsAuthFilter oncePerRequestServletFilter() {
		OncePerRequestMetricsAuthFilter filter = new OncePerRequestMetricsAuthFilter(starterServletFilter());
		filter.setBeanName("metricsAuthFilter");
		return filter;
	}

	/**
	 * Start a small Spring context with the load-test application's servlet Spring
	 * Security configuration. Close it when done.
	 * @return the context, holding a {@link FilterChainProxy}
	 * @see #springSecurity()
	 */
	public static AnnotationConfigApplicationContext servletSpringSecurity() {
		logOnlyWarnings();
		return new AnnotationConfigApplicationContext(ServletSecurityModeConfiguration.class);
	}

	private static void logOnlyWarnings() {
		LoggingSystem.get(BenchmarkFixtures.class.getClassLoader())
			.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
	}

	private static MetricsPathMatcher metricsPaths() {
		return new MetricsPathMatcher(List.of("/metrics"));
	}

	private static AcceptedKeys acceptedKeys() {
		return AcceptedKeys.builder().key("master", LoadTestApplication.API_KEY, "litellm.master-key").build();
	}

}
