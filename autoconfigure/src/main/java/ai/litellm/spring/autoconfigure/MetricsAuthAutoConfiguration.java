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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.litellm.spring.autoconfigure.LiteLlmProperties.Adapter;
import ai.litellm.spring.metrics.ApiKeyAuthenticator;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.CachingApiKeyAuthenticator;
import ai.litellm.spring.metrics.ConcurrencyLimitedApiKeyAuthenticator;
import ai.litellm.spring.metrics.DigestApiKeyAuthenticator;
import ai.litellm.spring.metrics.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.MetricsAuthServletFilter;
import ai.litellm.spring.metrics.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.util.StringUtils;

/**
 * {@link AutoConfiguration Auto-configuration} that requires an API key on a web
 * application's metrics endpoints when {@code litellm.require-auth-for-metrics-endpoint}
 * is {@code true}: WebFlux through a {@code WebFilter} or an {@code HttpHandler}
 * decorator, Spring MVC through a servlet {@code Filter}. When it is not, nothing is
 * registered and nothing is paid for. {@link MetricsAuthSafeguardsAutoConfiguration}
 * makes sure that a {@code true} never goes unheeded.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(MetricsAuthSafeguardsAutoConfiguration.REQUIRE_AUTH_PROPERTY)
@EnableConfigurationProperties(LiteLlmProperties.class)
public final class MetricsAuthAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MetricsAuthAutoConfiguration.class);

	/**
	 * The environment variable LiteLLM deployments hold the master key in.
	 */
	static final String MASTER_KEY_ENVIRONMENT_VARIABLE = "LITELLM_MASTER_KEY";

	/**
	 * Shorter keys start the application with a warning.
	 */
	static final int RECOMMENDED_MINIMUM_KEY_LENGTH = 16;

	/**
	 * The name of the HTTP handler adapter's bean.
	 */
	static final String HTTP_HANDLER_DECORATOR_FACTORY_BEAN = "metricsAuthHttpHandlerDecoratorFactory";

	/**
	 * The name of the servlet adapter's registration bean.
	 */
	static final String SERVLET_FILTER_REGISTRATION_BEAN = "metricsAuthFilterRegistration";

	@Bean
	@ConditionalOnMissingBean
	ApiKeyAuthenticator metricsApiKeyAuthenticator(LiteLlmProperties properties, Environment environment) {
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		Map<String, String> keys = new LinkedHashMap<>();
		String masterKey = properties.getMasterKey();
		String environmentKey = environment.getProperty(MASTER_KEY_ENVIRONMENT_VARIABLE);
		// Surrounding white space comes from editors and shells, never from a scraper.
		if (StringUtils.hasText(masterKey)) {
			keys.put("litellm.master-key", masterKey.strip());
		}
		else if (StringUtils.hasText(environmentKey)) {
			keys.put(MASTER_KEY_ENVIRONMENT_VARIABLE, environmentKey.strip());
		}
		putIndexed(keys, "litellm.metrics-auth.keys", metricsAuth.getKeys());
		Map<String, String> hashes = new LinkedHashMap<>();
		putIndexed(hashes, "litellm.metrics-auth.key-hashes", metricsAuth.getKeyHashes());
		if (keys.isEmpty() && hashes.isEmpty()) {
			throw new MetricsKeyMissingException();
		}
		DigestApiKeyAuthenticator authenticator = DigestApiKeyAuthenticator.of(keys, hashes);
		keys.forEach((name, key) -> {
			if (key.length() < RECOMMENDED_MINIMUM_KEY_LENGTH) {
				logger.warn(name + " is shorter than " + RECOMMENDED_MINIMUM_KEY_LENGTH
						+ " characters: anyone who can reach the metrics endpoint can guess it. Use a long random key.");
			}
		});
		return authenticator;
	}

	private static void putIndexed(Map<String, String> named, String property, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			named.put(property + "[" + i + "]", values.get(i).strip());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	MetricsPathMatcher metricsPathMatcher(LiteLlmProperties properties,
			ObjectProvider<AdditionalMetricsPaths> additionalPaths) {
		Set<String> paths = new LinkedHashSet<>(properties.getMetricsAuth().getPaths());
		additionalPaths.orderedStream().forEach((additional) -> paths.addAll(additional.paths()));
		return new MetricsPathMatcher(paths);
	}

	@Bean
	@ConditionalOnMissingBean
	MetricsGuard metricsGuard(LiteLlmProperties properties, MetricsPathMatcher metricsPaths,
			ApiKeyAuthenticator authenticator, ObjectProvider<AuthenticationListener> listener) {
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		return new MetricsGuard(metricsPaths, bounded(authenticator, metricsAuth),
				listener.getIfUnique(() -> AuthenticationListener.NONE), metricsAuth.getAuthenticatorTimeout());
	}

	// The configured keys are checked in memory; an authenticator of the user's own may
	// be a lookup in a key store, which a flood of random keys must not flood.
	private static ApiKeyAuthenticator bounded(ApiKeyAuthenticator authenticator,
			LiteLlmProperties.MetricsAuth metricsAuth) {
		if (authenticator instanceof DigestApiKeyAuthenticator) {
			return authenticator;
		}
		ApiKeyAuthenticator limited = new ConcurrencyLimitedApiKeyAuthenticator(authenticator,
				metricsAuth.getAuthenticatorMaxInFlight());
		Duration cacheTtl = metricsAuth.getAuthenticatorCacheTtl();
		return cacheTtl.isZero() ? limited : new CachingApiKeyAuthenticator(limited, cacheTtl);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnAdapter(Adapter.WEB_FILTER)
	static class WebFilterAdapterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MetricsAuthWebFilter metricsAuthWebFilter(MetricsGuard guard, LiteLlmProperties properties) {
			return new MetricsAuthWebFilter(guard, properties.getMetricsAuth().getFilterOrder());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnAdapter(Adapter.HTTP_HANDLER)
	static class HttpHandlerAdapterConfiguration {

		@Bean(HTTP_HANDLER_DECORATOR_FACTORY_BEAN)
		@Order(Ordered.HIGHEST_PRECEDENCE)
		HttpHandlerDecoratorFactory metricsAuthHttpHandlerDecoratorFactory(MetricsGuard guard) {
			return (handler) -> new MetricsAuthHttpHandlerDecorator(guard, handler);
		}

	}

	/**
	 * The servlet adapter. Everything that names a servlet type lives in here, not in the
	 * enclosing class: Spring introspects the enclosing class's methods in every web
	 * application, and a WebFlux application without the Servlet API could not resolve
	 * them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletFilterAdapterConfiguration {

		@Bean(SERVLET_FILTER_REGISTRATION_BEAN)
		FilterRegistrationBean<MetricsAuthServletFilter> metricsAuthFilterRegistration(MetricsGuard guard,
				LiteLlmProperties properties) {
			return servletFilterRegistration(guard, properties.getMetricsAuth().getFilterOrder());
		}

		/**
		 * Register the servlet adapter for every dispatch, so that a forward, include or
		 * error dispatch to a metrics path is guarded too.
		 * @param guard the guard
		 * @param order the filter's order
		 * @return the registration
		 */
		static FilterRegistrationBean<MetricsAuthServletFilter> servletFilterRegistration(MetricsGuard guard,
				int order) {
			FilterRegistrationBean<MetricsAuthServletFilter> registration = new FilterRegistrationBean<>(
					new MetricsAuthServletFilter(guard));
			registration.setName("metricsAuthFilter");
			registration.setOrder(order);
			registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MeterRegistryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuthenticationListener metricsAuthenticationListener(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meterRegistry = registry.getIfUnique();
			return (meterRegistry != null) ? new MeterRegistryAuthenticationListener(meterRegistry)
					: AuthenticationListener.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(PathMappedEndpoints.class)
	static class ActuatorEndpointsConfiguration {

		@Bean
		AdditionalMetricsPaths actuatorMetricsEndpointPaths(LiteLlmProperties properties,
				ObjectProvider<PathMappedEndpoints> endpoints) {
			return () -> {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				List<String> paths = new ArrayList<>();
				if (mapped != null) {
					for (String id : properties.getMetricsAuth().getActuatorEndpoints()) {
						String path = mapped.getPath(EndpointId.of(id));
						if (path != null) {
							paths.add(path);
						}
					}
				}
				return paths;
			};
		}

	}

}
