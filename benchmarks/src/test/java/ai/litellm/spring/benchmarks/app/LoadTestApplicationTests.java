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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.litellm.spring.benchmarks.jmh.BenchmarkFixtures;
import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts every mode of the load-test application on a real server (Netty, or Tomcat for
 * the servlet modes) and checks that it has exactly the filters it claims to have, and
 * that they do their job. Each mode is started once and shared by the tests, to keep the
 * build quick.
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
	void eachModeHasExactlyItsOwnFilters(BenchMode mode) {
		ConfigurableApplicationContext context = started(mode);
		List<String> webFilters = context.getBeansOfType(WebFilter.class)
			.values()
			.stream()
			.map((filter) -> filter.getClass().getSimpleName())
			.toList();
		assertThat(webFilters).containsExactlyInAnyOrderElementsOf(switch (mode) {
			case NONE, STARTER_HANDLER, SERVLET_NONE, SERVLET_STARTER, SERVLET_SECURITY -> List.of();
			case STARTER -> List.of("MetricsAuthWebFilter");
			case COMPOSED -> List.of("ComposedMetricsAuthWebFilter", "PassThroughWebFilter");
			case SECURITY -> List.of("WebFilterChainProxy");
		});
		assertThat(context.getBeanNamesForType(HttpHandlerDecoratorFactory.class)).containsExactlyElementsOf(
				(mode == BenchMode.STARTER_HANDLER) ? List.of("metricsAuthHttpHandlerDecoratorFactory") : List.of());
	}

	@ParameterizedTest
	@EnumSource(names = "SERVLET_.*", mode = EnumSource.Mode.MATCH_ALL)
	void eachServletModeAddsExactlyItsOwnFilterToTheBaseline(BenchMode mode) {
		Set<String> baseline = servletFilterNames(BenchMode.SERVLET_NONE);
		// Spring Boot's own servlet filters, in every servlet mode.
		assertThat(baseline).contains("characterEncodingFilter", "requestContextFilter");
		Set<String> added = new HashSet<>(servletFilterNames(mode));
		added.removeAll(baseline);
		assertThat(added).containsExactlyElementsOf(switch (mode) {
			case SERVLET_STARTER -> List.of("metricsAuthFilter");
			case SERVLET_SECURITY -> List.of("springSecurityFilterChain");
			default -> List.of();
		});
		assertThat(servletFilterNames(mode)).containsAll(baseline);
	}

	@ParameterizedTest
	@EnumSource
	void eachModeRunsOnTheServerOfItsStack(BenchMode mode) {
		WebServer server = ((WebServerApplicationContext) started(mode)).getWebServer();
		// Both Netty and Tomcat are on the classpath: the type must pick the server.
		assertThat(server).isInstanceOf((mode.webApplicationType() == WebApplicationType.REACTIVE)
				? NettyWebServer.class : TomcatWebServer.class);
	}

	@ParameterizedTest
	@EnumSource
	void onlyTheSecurityModeHasBeansOfSpringSecurity(BenchMode mode) {
		ConfigurableApplicationContext context = started(mode);
		List<String> securityBeans = Arrays.stream(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter((type) -> type != null && (type.getName().startsWith("org.springframework.security.")
					|| type.getName().startsWith("org.springframework.boot.security.")))
			.map(Class::getName)
			.toList();
		if (mode == BenchMode.SECURITY) {
			assertThat(securityBeans).contains("org.springframework.security.web.server.WebFilterChainProxy");
		}
		else if (mode == BenchMode.SERVLET_SECURITY) {
			// Declared as a Filter, so found by instance rather than by declared type.
			assertThat(securityBeans).isNotEmpty();
			assertThat(context.getBeansOfType(FilterChainProxy.class)).hasSize(1);
		}
		else {
			assertThat(securityBeans).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource
	void eachModeServesHealthToAnyoneAndMetricsWithTheKey(BenchMode mode) throws Exception {
		String base = "http://127.0.0.1:" + started(mode).getEnvironment().getProperty("local.server.port");
		HttpResponse<String> health = get(base + "/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("ok");
		HttpResponse<String> metrics = get(base + "/metrics", BenchmarkFixtures.BASIC_CREDENTIALS);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).isEqualTo(LoadTestRoutes.METRICS);
	}

	@ParameterizedTest
	@EnumSource
	void eachModeButTheBaselineRejectsMetricsWithoutTheKey(BenchMode mode) throws Exception {
		String base = "http://127.0.0.1:" + started(mode).getEnvironment().getProperty("local.server.port");
		// The baselines have nothing that could guard the metrics.
		int expected = (mode == BenchMode.NONE || mode == BenchMode.SERVLET_NONE) ? 200 : 401;
		assertThat(get(base + "/metrics", null).statusCode()).isEqualTo(expected);
		assertThat(get(base + "/metrics", "Bearer wrong-key").statusCode()).isEqualTo(expected);
	}

	@ParameterizedTest
	@EnumSource(names = "SERVLET_.*", mode = EnumSource.Mode.MATCH_NONE)
	void eachReactiveModeServesFromOneEventLoopThread(BenchMode mode) throws Exception {
		String base = "http://127.0.0.1:" + started(mode).getEnvironment().getProperty("local.server.port");
		for (int i = 0; i < 20; i++) {
			HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			fresh.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), BodyHandlers.discarding());
		}
		assertThat(EventLoopThreadsReporter.eventLoopThreads()).hasSize(1);
	}

	@Test
	void securityModeUpgradesTheKeyToBcryptAtTheFirstLogin() throws Exception {
		ConfigurableApplicationContext context = started(BenchMode.SECURITY);
		String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
		assertThat(get(base + "/metrics", BenchmarkFixtures.BASIC_CREDENTIALS).statusCode()).isEqualTo(200);
		UserDetails user = context.getBean(MapReactiveUserDetailsService.class)
			.findByUsername(LoadTestApplication.USER)
			.block(Duration.ofSeconds(10));
		assertThat(user).isNotNull();
		assertThat(user.getPassword()).startsWith("{bcrypt}");
	}

	@Test
	void servletSecurityModeUpgradesTheKeyToBcryptAtTheFirstLogin() throws Exception {
		ConfigurableApplicationContext context = started(BenchMode.SERVLET_SECURITY);
		String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
		assertThat(get(base + "/metrics", BenchmarkFixtures.BASIC_CREDENTIALS).statusCode()).isEqualTo(200);
		UserDetails user = context.getBean(InMemoryUserDetailsManager.class)
			.loadUserByUsername(LoadTestApplication.USER);
		assertThat(user.getPassword()).startsWith("{bcrypt}");
	}

	private static Set<String> servletFilterNames(BenchMode mode) {
		ServletContext servletContext = ((ServletWebServerApplicationContext) started(mode)).getServletContext();
		assertThat(servletContext).isNotNull();
		return servletContext.getFilterRegistrations().keySet();
	}

	private HttpResponse<String> get(String uri, @Nullable String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
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
