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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import ai.litellm.spring.autoconfigure.LiteLlmProperties.Adapter;
import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.KeyFiles;
import ai.litellm.spring.metrics.KeyFiles.KeyFileException;
import ai.litellm.spring.metrics.KeyLookups;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.BoundedReactiveApiKeyAuthenticator;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.ApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.BoundedApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

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
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * {@link AutoConfiguration Auto-configuration} that requires an API key on a web
 * application's metrics endpoints when {@code litellm.require-auth-for-metrics-endpoint}
 * is {@code true}: WebFlux through a {@code WebFilter} or an {@code HttpHandler}
 * decorator, Spring MVC through a servlet {@code Filter}.
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

	static final String KEY_RING_BEAN = "metricsKeyRing";

	static final String HTTP_HANDLER_DECORATOR_FACTORY_BEAN = "metricsAuthHttpHandlerDecoratorFactory";

	static final String SERVLET_FILTER_REGISTRATION_BEAN = "metricsAuthFilterRegistration";

	@Bean(KEY_RING_BEAN)
	KeyRing metricsKeyRing(LiteLlmProperties properties, Environment environment,
			ObjectProvider<KeyRing.Listener> listener) {
		AcceptedKeys configured = ConfiguredKeys.fromProperties(properties, environment);
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		KeyFiles keyFiles = new KeyFiles(metricsAuth.getKeyFiles(), KeyProperty.KEY_FILES.propertyName());
		try {
			return new KeyRing(configured, keyFiles, metricsAuth.getKeyFilesRefresh(),
					listener.getIfUnique(() -> KeyRing.Listener.NONE));
		}
		catch (KeyFileException ex) {
			throw new MetricsAuthConfigurationException(ex.getMessage() + ".",
					"Make each file in " + KeyProperty.KEY_FILES.propertyName()
							+ " hold one key of visible ASCII characters "
							+ "(or, named *.sha256, its hex SHA-256 digest), and each directory such files.");
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
	MetricsGuard metricsGuard(MetricsPathMatcher metricsPaths, KeyRing metricsKeyRing,
			ObjectProvider<AuthenticationListener> listener) {
		return new MetricsGuard(metricsPaths, metricsKeyRing, listener.getIfUnique(() -> AuthenticationListener.NONE));
	}

	private static KeyLookups keyLookups(LiteLlmProperties properties) {
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		return new KeyLookups(metricsAuth.getAuthenticatorCacheTtl(), metricsAuth.getAuthenticatorMaxInFlight());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveAdapterConfiguration {

		@Bean
		@ConditionalOnAdapter(Adapter.WEB_FILTER)
		@ConditionalOnMissingBean
		MetricsAuthWebFilter metricsAuthWebFilter(MetricsGuard guard,
				ObjectProvider<ReactiveApiKeyAuthenticator> keyStore, LiteLlmProperties properties) {
			return new MetricsAuthWebFilter(guard, bounded(keyStore, properties),
					properties.getMetricsAuth().getFilterOrder());
		}

		@Bean(HTTP_HANDLER_DECORATOR_FACTORY_BEAN)
		@ConditionalOnAdapter(Adapter.HTTP_HANDLER)
		@ConditionalOnMissingBean(name = HTTP_HANDLER_DECORATOR_FACTORY_BEAN)
		@Order(Ordered.HIGHEST_PRECEDENCE)
		HttpHandlerDecoratorFactory metricsAuthHttpHandlerDecoratorFactory(MetricsGuard guard,
				ObjectProvider<ReactiveApiKeyAuthenticator> keyStore, LiteLlmProperties properties,
				ObjectProvider<ForwardedHeaderTransformer> forwardedHeaderTransformer) {
			ReactiveApiKeyAuthenticator bounded = bounded(keyStore, properties);
			// It runs before the transformer and must decide on the path that is routed.
			return (handler) -> new MetricsAuthHttpHandlerDecorator(guard, bounded, handler,
					forwardedHeaderTransformer.getIfAvailable());
		}

		private static @Nullable ReactiveApiKeyAuthenticator bounded(
				ObjectProvider<ReactiveApiKeyAuthenticator> keyStore, LiteLlmProperties properties) {
			ReactiveApiKeyAuthenticator store = keyStore.getIfAvailable();
			return (store != null) ? new BoundedReactiveApiKeyAuthenticator(store, keyLookups(properties),
					properties.getMetricsAuth().getAuthenticatorTimeout()) : null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletAdapterConfiguration {

		@Bean(SERVLET_FILTER_REGISTRATION_BEAN)
		@ConditionalOnMissingBean(value = MetricsAuthServletFilter.class,
				parameterizedContainer = FilterRegistrationBean.class)
		FilterRegistrationBean<MetricsAuthServletFilter> metricsAuthFilterRegistration(MetricsGuard guard,
				ObjectProvider<ApiKeyAuthenticator> keyStore, LiteLlmProperties properties) {
			ApiKeyAuthenticator store = keyStore.getIfAvailable();
			ApiKeyAuthenticator bounded = (store != null) ? new BoundedApiKeyAuthenticator(store,
					keyLookups(properties), properties.getMetricsAuth().getAuthenticatorTimeout()) : null;
			return MetricsAuthFilterRegistration.of(new MetricsAuthServletFilter(guard, bounded),
					properties.getMetricsAuth().getFilterOrder());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MeterRegistryConfiguration {

		@Bean
		@ConditionalOnMissingBean(AuthenticationListener.class)
		@Nullable MeterRegistryMetricsAuthListener metricsAuthMeterListener(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meterRegistry = registry.getIfUnique();
			return (meterRegistry != null) ? new MeterRegistryMetricsAuthListener(meterRegistry) : null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnvironmentChangeEvent.class)
	static class SpringCloudRefreshConfiguration {

		@Bean
		MetricsKeysRefreshListener metricsKeysRefreshListener(KeyRing metricsKeyRing, Environment environment) {
			return new MetricsKeysRefreshListener(metricsKeyRing, environment);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(PathMappedEndpoints.class)
	static class ActuatorEndpointsConfiguration {

		private static final List<String> METER_ENDPOINTS = List.of("prometheus", "metrics");

		@Bean
		AdditionalMetricsPaths actuatorMetricsEndpointPaths(LiteLlmProperties properties,
				ObjectProvider<PathMappedEndpoints> endpoints) {
			return () -> {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				if (mapped == null) {
					return List.of();
				}
				List<String> guarded = properties.getMetricsAuth().getActuatorEndpoints();
				warnOfUnguardedMeterEndpoints(mapped, guarded);
				return paths(mapped, guarded);
			};
		}

		static List<String> paths(PathMappedEndpoints mapped, List<String> endpointIds) {
			return endpointIds.stream()
				.map((id) -> mapped.getPath(EndpointId.of(id)))
				.filter(Objects::nonNull)
				.map(String.class::cast)
				.toList();
		}

		// A misspelt or shortened list must not leave the meters open without a word.
		private static void warnOfUnguardedMeterEndpoints(PathMappedEndpoints mapped, List<String> guarded) {
			for (String id : METER_ENDPOINTS) {
				String path = mapped.getPath(EndpointId.of(id));
				if (path != null && !guarded.contains(id)) {
					logger.warn("Actuator's '" + id + "' endpoint serves every meter at " + path
							+ " without an API key: it is exposed but not listed in "
							+ "litellm.metrics-auth.actuator-endpoints " + guarded);
				}
			}
		}

	}

}
