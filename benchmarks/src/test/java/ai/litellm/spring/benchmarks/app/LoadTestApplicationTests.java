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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.litellm.spring.benchmarks.app.LoadTestApplication.BenchMode;
import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts every mode of the load-test application on a real server and checks that it has
 * exactly the filters it claims, and that they do their job. Each mode is started once
 * and shared by the tests, to keep the build quick.
 */
class LoadTestApplicationTests {

	private static final Map<BenchMode, ConfigurableApplicationContext> contexts = new EnumMap<>(BenchMode.class);

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterAll
	static void stopAll() {
		contexts.values().forEach(ConfigurableApplicationContext::close);
	}

	@ParameterizedTest
	@EnumSource
	void eachModeRunsOnTheServerOfItsStackWithExactlyItsOwnFiltersAndSecurityBeans(BenchMode mode) {
		ConfigurableApplicationContext context = started(mode);
		boolean reactive = mode.webApplicationType == WebApplicationType.REACTIVE;
		// Both Netty and Tomcat are on the classpath: the type must pick the server.
		assertThat(((WebServerApplicationContext) context).getWebServer())
			.isInstanceOf(reactive ? NettyWebServer.class : TomcatWebServer.class);
		// Its WebFilter beans, and the servlet filters it registers beyond the
		// baseline's.
		List<String> filters = new ArrayList<>();
		context.getBeansOfType(WebFilter.class)
			.values()
			.forEach((filter) -> filters.add(filter.getClass().getSimpleName()));
		if (!reactive) {
			Set<String> baseline = servletFilterNames(BenchMode.SERVLET_NONE);
			// Spring Boot's own servlet filters, in every servlet mode.
			assertThat(baseline).contains("characterEncodingFilter", "requestContextFilter");
			Set<String> added = new HashSet<>(servletFilterNames(mode));
			assertThat(added).containsAll(baseline);
			added.removeAll(baseline);
			filters.addAll(added);
		}
		assertThat(filters).containsExactlyInAnyOrderElementsOf(switch (mode) {
			case NONE, STARTER_HANDLER, SERVLET_NONE -> List.of();
			case STARTER -> List.of("MetricsAuthWebFilter");
			case COMPOSED -> List.of("ComposedMetricsAuthWebFilter", "PassThroughWebFilter");
			case SECURITY -> List.of("WebFilterChainProxy");
			case SERVLET_STARTER -> List.of("metricsAuthFilter");
			case SERVLET_SECURITY -> List.of("springSecurityFilterChain");
		});
		assertThat(context.getBeanNamesForType(HttpHandlerDecoratorFactory.class)).containsExactlyElementsOf(
				(mode == BenchMode.STARTER_HANDLER) ? List.of("metricsAuthHttpHandlerDecoratorFactory") : List.of());
		// Only the security modes have beans of Spring Security.
		List<String> securityBeans = Arrays.stream(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter(Objects::nonNull)
			.map(Class::getName)
			.filter((name) -> name.startsWith("org.springframework.security.")
					|| name.startsWith("org.springframework.boot.security."))
			.toList();
		assertThat(securityBeans.isEmpty()).isNotEqualTo(isSecurity(mode));
		// Declared as a Filter, so found by instance rather than by declared type.
		assertThat(context.getBeansOfType(FilterChainProxy.class))
			.hasSize((mode == BenchMode.SERVLET_SECURITY) ? 1 : 0);
	}

	@ParameterizedTest
	@EnumSource
	void eachModeServesHealthToAnyoneAndMetricsOnlyWithTheKeyButTheBaselinesAndSecurityUpgradesTheKey(BenchMode mode)
			throws Exception {
		HttpResponse<String> health = get(mode, "/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("ok");
		HttpResponse<String> metrics = get(mode, "/metrics", LoadTestApplication.BASIC_CREDENTIALS);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).isEqualTo(LoadTestApplication.METRICS);
		// The baselines have nothing that could guard the metrics.
		int expected = (mode == BenchMode.NONE || mode == BenchMode.SERVLET_NONE) ? 200 : 401;
		assertThat(get(mode, "/metrics", null).statusCode()).isEqualTo(expected);
		assertThat(get(mode, "/metrics", "Bearer wrong-key").statusCode()).isEqualTo(expected);
		if (isSecurity(mode)) {
			// The key is upgraded to bcrypt at the first login.
			ConfigurableApplicationContext context = started(mode);
			String password = (mode == BenchMode.SECURITY)
					? context.getBean(MapReactiveUserDetailsService.class)
						.findByUsername(LoadTestApplication.USER)
						.map((user) -> user.getPassword())
						.block(Duration.ofSeconds(10))
					: context.getBean(InMemoryUserDetailsManager.class)
						.loadUserByUsername(LoadTestApplication.USER)
						.getPassword();
			assertThat(password).startsWith("{bcrypt}");
		}
	}

	private static boolean isSecurity(BenchMode mode) {
		return mode == BenchMode.SECURITY || mode == BenchMode.SERVLET_SECURITY;
	}

	private static Set<String> servletFilterNames(BenchMode mode) {
		ServletContext servletContext = ((ServletWebServerApplicationContext) started(mode)).getServletContext();
		assertThat(servletContext).isNotNull();
		return servletContext.getFilterRegistrations().keySet();
	}

	private HttpResponse<String> get(BenchMode mode, String path, @Nullable String authorization) throws Exception {
		String port = started(mode).getEnvironment().getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	private static ConfigurableApplicationContext started(BenchMode mode) {
		return contexts.computeIfAbsent(mode, (key) -> LoadTestApplication.application(key)
			.run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn"));
	}

}
