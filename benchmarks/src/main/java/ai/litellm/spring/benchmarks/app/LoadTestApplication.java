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

package ai.litellm.spring.benchmarks.app;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import reactor.core.publisher.Mono;
import reactor.netty.ReactorNetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The application {@code benchmarks/load.sh} puts under load, started as
 * {@code java -jar load-app.jar --bench.mode=MODE --server.port=PORT}: two routes that do
 * next to no work, on Reactor Netty with one event-loop thread (like the single uvicorn
 * worker of LiteLLM's experiment) or, in the {@code servlet-*} modes, on Tomcat, so that
 * only the {@link BenchMode mode}'s filters differ. The filters the {@code composed} and
 * Spring Security modes add are nested here; Spring Security is configured as its
 * reference documentation shows, and the JMH benchmarks build their filters from the same
 * classes.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class LoadTestApplication {

	/**
	 * The API key on {@code /metrics}: the HTTP Basic password of {@link #USER} in every
	 * guarded mode ({@link #BASIC_CREDENTIALS}), and a bearer token in the starter's.
	 */
	public static final String API_KEY = "sk-bench-4f1c7a9e2d";

	static final String USER = "prometheus";

	/**
	 * HTTP Basic credentials that every mode accepts.
	 */
	public static final String BASIC_CREDENTIALS = "Basic "
			+ HttpHeaders.encodeBasicAuth(USER, API_KEY, StandardCharsets.UTF_8);

	static final String MODE_PROPERTY = "bench.mode";

	static final String METRICS = """
			# HELP bench_up Whether the load-test application is up.
			# TYPE bench_up gauge
			bench_up 1.0
			""";

	private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

	private static final String[] METRICS_PATHS = { "/metrics", "/metrics/**" };

	public static void main(String[] args) {
		// Reactor Netty reads it once, when its LoopResources class is initialised.
		if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
			System.setProperty(ReactorNetty.IO_WORKER_COUNT, "1");
		}
		String mode = new SimpleCommandLinePropertySource(args).getProperty(MODE_PROPERTY);
		if (mode == null) {
			throw new IllegalArgumentException("Choose a mode with --" + MODE_PROPERTY + "=" + BenchMode.names());
		}
		application(BenchMode.of(mode)).run(args);
	}

	static SpringApplication application(BenchMode mode) {
		SpringApplication application = new SpringApplication(LoadTestApplication.class);
		// Set, not deduced: with both stacks on the classpath Boot would pick Spring MVC.
		application.setWebApplicationType(mode.webApplicationType);
		// Defaults, so that the command line can still override them.
		application.setDefaultProperties(mode.properties());
		return application;
	}

	/**
	 * Create the starter's guard of {@code /metrics} with the load test's key, as its
	 * auto-configuration builds it from {@code litellm.master-key}.
	 * @return the guard
	 */
	public static MetricsGuard guard() {
		AcceptedKeys keys = AcceptedKeys.builder().key("master", API_KEY, "litellm.master-key").build();
		return new MetricsGuard(new MetricsPathMatcher(List.of("/metrics")), new KeyRing(keys),
				AuthenticationListener.NONE);
	}

	@Bean
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	RouterFunction<ServerResponse> loadTestRoutes() {
		return RouterFunctions.route()
			.GET("/health", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("ok"))
			.GET("/metrics",
					(request) -> ServerResponse.ok()
						.header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
						.bodyValue(METRICS))
			.build();
	}

	@Bean
	@ConditionalOnWebApplication(type = Type.SERVLET)
	org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> servletLoadTestRoutes() {
		return org.springframework.web.servlet.function.RouterFunctions.route()
			.GET("/health",
					(request) -> org.springframework.web.servlet.function.ServerResponse.ok()
						.contentType(MediaType.TEXT_PLAIN)
						.body("ok"))
			.GET("/metrics",
					(request) -> org.springframework.web.servlet.function.ServerResponse.ok()
						.header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
						.body(METRICS))
			.build();
	}

	// Upgraded to bcrypt at the first login, so every later login runs bcrypt: what a
	// user who configures it this way gets.
	private static UserDetails prometheus() {
		return User.withUsername(USER).password("{noop}" + API_KEY).roles("METRICS").build();
	}

	@Bean
	@ConditionalOnProperty(name = MODE_PROPERTY, havingValue = "composed")
	ComposedMetricsAuthWebFilter composedMetricsAuthWebFilter() {
		return new ComposedMetricsAuthWebFilter(guard());
	}

	@Bean
	@ConditionalOnProperty(name = MODE_PROPERTY, havingValue = "composed")
	PassThroughWebFilter passThroughWebFilter() {
		return new PassThroughWebFilter();
	}

	// The security modes' configurations are nested here, so Spring registers them with
	// the application; each applies in its mode only. matchIfMissing: the JMH benchmarks
	// register a security configuration alone, without a mode.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MODE_PROPERTY, havingValue = "security", matchIfMissing = true)
	@EnableWebFluxSecurity
	public static class ReactiveSecurity {

		@Bean
		SecurityWebFilterChain metricsSecurityFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.pathMatchers(METRICS_PATHS).authenticated());
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll());
			return http.httpBasic(Customizer.withDefaults()).build();
		}

		@Bean
		MapReactiveUserDetailsService prometheusUser() {
			return new MapReactiveUserDetailsService(prometheus());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = MODE_PROPERTY, havingValue = "servlet-security", matchIfMissing = true)
	@EnableWebSecurity
	public static class ServletSecurity {

		@Bean
		InMemoryUserDetailsManager prometheusUser() {
			return new InMemoryUserDetailsManager(prometheus());
		}

		@Bean
		SecurityFilterChain metricsSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(METRICS_PATHS).authenticated());
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.httpBasic(Customizer.withDefaults()).build();
		}

	}

	/**
	 * A filter that only calls the rest of the chain: what it costs is the framework's
	 * own work per filter.
	 */
	public static final class PassThroughWebFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(exchange);
		}

		@Override
		public String toString() {
			// A constant: Spring's chain calls it per request for its checkpoint.
			return "PassThroughWebFilter";
		}

	}

	/**
	 * The starter's job written in the usual reactive-composition style, the shape of
	 * Spring Security's {@code AuthenticationWebFilter}: a matcher answering with a
	 * {@code Mono<Boolean>}, then {@code filter}, {@code flatMap}, {@code switchIfEmpty}
	 * and {@code defer}. It delegates matching, the key check and the 401 to the
	 * starter's own code, so the only difference the benchmarks see is the pipeline every
	 * request assembles: the JVM analogue of the middleware base class in LiteLLM's blog
	 * post.
	 */
	public static final class ComposedMetricsAuthWebFilter implements WebFilter {

		// The style of Spring Security's ServerWebExchangeMatcher.
		private final Function<ServerWebExchange, Mono<Boolean>> metricsRequests;

		private final MetricsAuthWebFilter metricsRequestFilter;

		public ComposedMetricsAuthWebFilter(MetricsGuard guard) {
			MetricsPathMatcher paths = guard.getPaths();
			this.metricsRequests = (exchange) -> Mono
				.just(paths.matches(exchange.getRequest().getPath().pathWithinApplication()));
			this.metricsRequestFilter = new MetricsAuthWebFilter(guard, null, MetricsAuthWebFilter.DEFAULT_ORDER);
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return this.metricsRequests.apply(exchange)
				.filter(Boolean::booleanValue)
				// thenReturn: an empty Mono<Void> must not make switchIfEmpty run the
				// chain a second time.
				.flatMap((metricsRequest) -> this.metricsRequestFilter.filter(exchange, chain).thenReturn(Boolean.TRUE))
				.switchIfEmpty(Mono.defer(() -> chain.filter(exchange)).thenReturn(Boolean.FALSE))
				.then();
		}

		@Override
		public String toString() {
			return "ComposedMetricsAuthWebFilter";
		}

	}

	/**
	 * The filter setups the load test compares, chosen with {@code --bench.mode}: the
	 * name in lower case with dashes ({@code starter-handler}). The {@code servlet-*}
	 * modes run Spring MVC on Tomcat, the others WebFlux on Reactor Netty.
	 */
	enum BenchMode {

		NONE(Map.of()), STARTER(starter("web-filter")), STARTER_HANDLER(starter("http-handler")), COMPOSED(Map.of()),
		SECURITY(Map.of()), SERVLET_NONE(Map.of()), SERVLET_STARTER(starter("web-filter")), SERVLET_SECURITY(Map.of());

		final String value = name().toLowerCase(Locale.ROOT).replace('_', '-');

		final WebApplicationType webApplicationType = name().startsWith("SERVLET_") ? WebApplicationType.SERVLET
				: WebApplicationType.REACTIVE;

		private final Map<String, Object> properties;

		BenchMode(Map<String, Object> properties) {
			this.properties = properties;
		}

		private static Map<String, Object> starter(String adapter) {
			return Map.of("litellm.require-auth-for-metrics-endpoint", "true", "litellm.master-key", API_KEY,
					"litellm.metrics-auth.adapter", adapter);
		}

		Map<String, Object> properties() {
			Map<String, Object> properties = new HashMap<>(this.properties);
			properties.put(MODE_PROPERTY, this.value);
			if (this != SECURITY && this != SERVLET_SECURITY) {
				// Without them, Boot would secure every other mode's application too.
				List<String> security = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
					.getCandidates()
					.stream()
					.filter((name) -> name.startsWith("org.springframework.boot.security."))
					.toList();
				properties.put("spring.autoconfigure.exclude", String.join(",", security));
			}
			return properties;
		}

		static BenchMode of(String value) {
			return Arrays.stream(values())
				.filter((mode) -> mode.value.equals(value))
				.findFirst()
				.orElseThrow(
						() -> new IllegalArgumentException("Unknown mode '" + value + "', expected one of " + names()));
		}

		static String names() {
			return Arrays.stream(values()).map((mode) -> mode.value).collect(Collectors.joining("|"));
		}

	}

}
