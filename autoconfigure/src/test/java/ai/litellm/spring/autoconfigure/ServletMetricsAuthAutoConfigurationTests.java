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

package ai.litellm.spring.autoconfigure;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.locks.LockSupport;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.servlet.ApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthAutoConfiguration} in a Spring MVC (servlet) application.
 */
class ServletMetricsAuthAutoConfigurationTests {

	private static final String KEY = "sk-servlet-master-1234";

	private static final String USER_KEY = "user-key-from-the-apps-store-0001";

	private static final String OWN_KEY = "sk-own-guards-key-0001";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAuthAutoConfiguration.class, MetricsAuthSafeguardsAutoConfiguration.class));

	// The switch on, with the master key.
	private final WebApplicationContextRunner guarded = this.contextRunner
		.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY);

	@Test
	void registersNothingByDefault() {
		this.contextRunner.withPropertyValues("litellm.master-key=" + KEY)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MetricsGuard.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void registersTheServletFilterForEveryDispatchBeforeSpringSecurityOrInTheConfiguredOrder() {
		this.guarded.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MetricsAuthWebFilter.class);
			FilterRegistrationBean<?> registration = registration(context);
			assertThat(registration.getFilter()).isInstanceOf(MetricsAuthServletFilter.class);
			assertThat(registration.getFilterName()).isEqualTo("metricsAuthFilter");
			assertThat(registration.getOrder()).isEqualTo(-1000).isLessThan(-100);
			assertThat(registration.determineDispatcherTypes()).isEqualTo(EnumSet.allOf(DispatcherType.class));
			assertThat(registration.getUrlPatterns()).isEmpty();
		});
		this.guarded.withPropertyValues("litellm.metrics-auth.filter-order=7")
			.run((context) -> assertThat(registration(context).getOrder()).isEqualTo(7));
	}

	@Test
	void guardsMetricsWithTheMasterKey() {
		this.guarded.run((context) -> {
			assertThat(statusOf(context, "/metrics", null)).isEqualTo(401);
			assertThat(statusOf(context, "/metrics", "sk-wrong")).isEqualTo(401);
			assertThat(statusOf(context, "/metrics", KEY)).isEqualTo(200);
			assertThat(statusOf(context, "/health", null)).isEqualTo(200);
		});
	}

	@Test
	void ignoresTheReactiveAdapterChoice() {
		this.guarded.withPropertyValues("litellm.metrics-auth.adapter=http-handler").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(statusOf(context, "/metrics", null)).isEqualTo(401);
		});
	}

	@Test
	void failsToStartWithoutAKey() {
		this.contextRunner.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true")
			.run((context) -> assertThat(context).getFailure().isInstanceOf(MetricsKeyMissingException.class));
	}

	@Test
	void startsAndGuardsWithReactorHiddenFromTheClassPath() {
		this.guarded.withClassLoader(new FilteredClassLoader("reactor."))
			.withBean(ApiKeyAuthenticator.class,
					() -> (key) -> USER_KEY.equals(key) ? new AuthenticatedKey("user") : null)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(statusOf(context, "/metrics", null)).isEqualTo(401);
				assertThat(statusOf(context, "/metrics", KEY)).isEqualTo(200);
				assertThat(statusOf(context, "/metrics", USER_KEY)).isEqualTo(200);
			});
	}

	@Test
	void countsTheKeyNamesOfTheApplicationsKeyStoreThroughTheStartersCacheAndBound() {
		AppKeyStore store = AppKeyStore.of("grafana", USER_KEY);
		this.guarded.withBean(SimpleMeterRegistry.class)
			.withBean(ApiKeyAuthenticator.class, () -> store)
			.run((context) -> {
				assertThat(statusOf(context, "/metrics", USER_KEY)).isEqualTo(200);
				assertThat(statusOf(context, "/metrics", USER_KEY)).isEqualTo(200);
				assertThat(store.lookups()).as("the second answer comes from the cache").isEqualTo(1);
				assertThat(context.getBean(MeterRegistry.class)
					.get("litellm.metrics.auth")
					.tag("outcome", "accepted")
					.tag("key", "grafana")
					.counter()
					.count()).isEqualTo(2);
			});
	}

	@Test
	void asksTheApplicationsKeyStoreOnlyForKeysNoneOfTheConfiguredKeysIs() {
		AppKeyStore store = AppKeyStore.of("store-master", KEY, "user", USER_KEY);
		this.guarded.withBean(ApiKeyAuthenticator.class, () -> store).run((context) -> {
			assertThat(statusOf(context, "/metrics", KEY)).isEqualTo(200);
			assertThat(store.lookups()).isZero();
			assertThat(statusOf(context, "/metrics", USER_KEY)).isEqualTo(200);
			assertThat(statusOf(context, "/metrics", "sk-unknown")).isEqualTo(401);
			assertThat(store.lookups()).isEqualTo(2);
		});
	}

	@Test
	void answersWith503WhenTheApplicationsKeyStoreTakesTooLongEvenIfItBlocks() {
		this.contextRunner.withBean(ApiKeyAuthenticator.class, () -> (key) -> {
			LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
			return AuthenticatedKey.unnamed();
		})
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.authenticator-timeout=100ms")
			.run((context) -> assertThat(statusOf(context, "/metrics", "sk-any")).isEqualTo(503));
	}

	@ParameterizedTest
	@ValueSource(strings = { "litellm.metrics-auth.authenticator-max-in-flight=0",
			"litellm.metrics-auth.authenticator-cache-ttl=-1s", "litellm.metrics-auth.authenticator-timeout=0s" })
	void refusesToStartWithABoundThatCannotWorkForTheApplicationsKeyStoreNamingTheProperty(String property) {
		this.contextRunner.withBean(ApiKeyAuthenticator.class, () -> AppKeyStore.of("user", USER_KEY))
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", property)
			.run((context) -> MetricsAuthAutoConfigurationTests.assertBindingFailed(context,
					property.substring(0, property.indexOf('='))));
	}

	@Test
	void backsOffToAServletFilterOfTheApplicationsOwn() {
		this.guarded
			.withBean("ownFilter", MetricsAuthServletFilter.class,
					() -> new MetricsAuthServletFilter(MetricsAuthAutoConfigurationTests.customGuard(), null))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(MetricsAuthAutoConfiguration.SERVLET_FILTER_REGISTRATION_BEAN);
				Filter filter = context.getBean(MetricsAuthServletFilter.class);
				assertThat(statusOf(filter, "/custom", null)).isEqualTo(401);
				assertThat(statusOf(filter, "/custom", OWN_KEY)).isEqualTo(200);
			});
	}

	@Test
	void backsOffToARegistrationOfTheApplicationsOwn() {
		this.guarded.withUserConfiguration(OwnRegistrationConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(MetricsAuthAutoConfiguration.SERVLET_FILTER_REGISTRATION_BEAN)
				.hasSingleBean(FilterRegistrationBean.class);
			Filter filter = context.getBean(FilterRegistrationBean.class).getFilter();
			assertThat(statusOf(filter, "/custom", null)).isEqualTo(401);
			assertThat(statusOf(filter, "/custom", OWN_KEY)).isEqualTo(200);
		});
	}

	private static FilterRegistrationBean<?> registration(AssertableWebApplicationContext context) {
		return context.getBean(MetricsAuthAutoConfiguration.SERVLET_FILTER_REGISTRATION_BEAN,
				FilterRegistrationBean.class);
	}

	private static int statusOf(AssertableWebApplicationContext context, String path, String key) throws Exception {
		return statusOf(registration(context).getFilter(), path, key);
	}

	private static int statusOf(Filter filter, String path, String key) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		if (key != null) {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistrationConfiguration {

		@Bean
		FilterRegistrationBean<MetricsAuthServletFilter> ownRegistration() {
			return new FilterRegistrationBean<>(
					new MetricsAuthServletFilter(MetricsAuthAutoConfigurationTests.customGuard(), null));
		}

	}

}
