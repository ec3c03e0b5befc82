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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.litellm.spring.autoconfigure.ConfiguredKeys.KeyFileException;
import ai.litellm.spring.autoconfigure.LiteLlmProperties.Adapter;
import ai.litellm.spring.metrics.AcceptedKeys;
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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

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

	static final String MASTER_KEY_ENVIRONMENT_VARIABLE = ConfiguredKeys.MASTER_KEY_ENVIRONMENT_VARIABLE;

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
	@ConditionalOnMissingBean(ApiKeyAuthenticator.class)
	DigestApiKeyAuthenticator metricsApiKeyAuthenticator(LiteLlmProperties properties, Environment environment) {
		AcceptedKeys configured = ConfiguredKeys.fromProperties(properties, environment);
		AcceptedKeys keys;
		try {
			keys = KeyFilesReloader.initialKeys(configured, properties.getMetricsAuth().getKeyFiles());
		}
		catch (KeyFileException ex) {
			throw new MetricsAuthConfigurationException(ex.getMessage() + ".",
					"Make each file in litellm.metrics-auth.key-files hold one key of visible ASCII characters "
							+ "(or, named *.sha256, its hex SHA-256 digest), and each directory such files.");
		}
		if (keys.size() == 0) {
			throw new MetricsKeyMissingException();
		}
		warnOfShortKeys(properties, environment);
		return new DigestApiKeyAuthenticator(keys);
	}

	private static void warnOfShortKeys(LiteLlmProperties properties, Environment environment) {
		Map<String, String> keys = new LinkedHashMap<>();
		String masterKey = properties.getMasterKey();
		keys.put("litellm.master-key",
				StringUtils.hasText(masterKey) ? masterKey : environment.getProperty(MASTER_KEY_ENVIRONMENT_VARIABLE));
		List<String> plain = properties.getMetricsAuth().getKeys();
		for (int i = 0; i < plain.size(); i++) {
			keys.put("litellm.metrics-auth.keys[" + i + "]", plain.get(i));
		}
		properties.getMetricsAuth()
			.getNamedKeys()
			.forEach((name, key) -> keys.put("litellm.metrics-auth.named-keys." + name, key));
		keys.forEach((name, key) -> {
			String stripped = (key != null) ? key.strip() : "";
			if (!stripped.isEmpty() && !stripped.regionMatches(true, 0, ConfiguredKeys.SHA256_PREFIX, 0, 7)
					&& stripped.length() < RECOMMENDED_MINIMUM_KEY_LENGTH) {
				logger.warn(name + " is shorter than " + RECOMMENDED_MINIMUM_KEY_LENGTH
						+ " characters: anyone who can reach the metrics endpoint can guess it. Use a long random key.");
			}
		});
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnBean(DigestApiKeyAuthenticator.class)
	@Conditional(KeyFilesConfiguredCondition.class)
	KeyFilesReloader metricsKeyFilesReloader(DigestApiKeyAuthenticator authenticator, LiteLlmProperties properties,
			Environment environment, ObjectProvider<KeyFilesReloader.Listener> listener) {
		LiteLlmProperties.MetricsAuth metricsAuth = properties.getMetricsAuth();
		return new KeyFilesReloader(authenticator, ConfiguredKeys.fromProperties(properties, environment),
				metricsAuth.getKeyFiles(), metricsAuth.getKeyFilesRefresh(),
				listener.getIfUnique(() -> KeyFilesReloader.Listener.NONE));
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
		HttpHandlerDecoratorFactory metricsAuthHttpHandlerDecoratorFactory(MetricsGuard guard,
				ObjectProvider<ForwardedHeaderTransformer> forwardedHeaderTransformer) {
			// The decorator runs before the transformer
			// (forward-headers-strategy=framework)
			// and must decide on the path the application will route.
			return (handler) -> new MetricsAuthHttpHandlerDecorator(guard, handler,
					forwardedHeaderTransformer.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletFilterAdapterConfiguration {

		@Bean(SERVLET_FILTER_REGISTRATION_BEAN)
		FilterRegistrationBean<MetricsAuthServletFilter> metricsAuthFilterRegistration(MetricsGuard guard,
				LiteLlmProperties properties) {
			return MetricsAuthFilterRegistration.of(guard, properties.getMetricsAuth().getFilterOrder());
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

		@Bean
		KeyFilesReloader.Listener metricsKeyFilesListener(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meterRegistry = registry.getIfUnique();
			return (meterRegistry != null) ? new MeterRegistryKeyFilesListener(meterRegistry)
					: KeyFilesReloader.Listener.NONE;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnvironmentChangeEvent.class)
	static class SpringCloudRefreshConfiguration {

		@Bean
		MetricsKeysRefreshListener metricsKeysRefreshListener(ObjectProvider<DigestApiKeyAuthenticator> authenticator,
				Environment environment, ObjectProvider<KeyFilesReloader> keyFilesReloader) {
			return new MetricsKeysRefreshListener(authenticator, environment, keyFilesReloader);
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
				List<String> paths = new ArrayList<>();
				if (mapped != null) {
					List<String> guarded = properties.getMetricsAuth().getActuatorEndpoints();
					for (String id : guarded) {
						String path = mapped.getPath(EndpointId.of(id));
						if (path != null) {
							paths.add(path);
						}
					}
					warnOfUnguardedMeterEndpoints(mapped, guarded);
				}
				return paths;
			};
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

	/**
	 * Matches when {@code litellm.metrics-auth.key-files} lists at least one file, in any
	 * of the forms Spring Boot binds a list from.
	 */
	static class KeyFilesConfiguredCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			List<String> keyFiles = Binder.get(context.getEnvironment())
				.bind("litellm.metrics-auth.key-files", Bindable.listOf(String.class))
				.orElse(List.of());
			return keyFiles.isEmpty() ? ConditionOutcome.noMatch("No key files are configured")
					: ConditionOutcome.match(keyFiles.size() + " key files are configured");
		}

	}

}
