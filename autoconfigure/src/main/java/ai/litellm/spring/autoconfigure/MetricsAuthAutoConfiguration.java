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

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.litellm.spring.metrics.ApiKeyAuthenticator;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.DigestApiKeyAuthenticator;
import ai.litellm.spring.metrics.MetricsAuthHttpHandlerDecorator;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.log.LogMessage;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.util.StringUtils;

/**
 * {@link AutoConfiguration Auto-configuration} that requires an API key on a reactive web
 * application's metrics endpoints when {@code litellm.require-auth-for-metrics-endpoint}
 * is {@code true}. When it is not, nothing is registered and nothing is paid for.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration")
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnBooleanProperty("litellm.require-auth-for-metrics-endpoint")
@EnableConfigurationProperties(LiteLlmProperties.class)
public final class MetricsAuthAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MetricsAuthAutoConfiguration.class);

	/**
	 * The environment variable LiteLLM deployments hold the master key in.
	 */
	static final String MASTER_KEY_ENVIRONMENT_VARIABLE = "LITELLM_MASTER_KEY";

	private static final String ADAPTER_PROPERTY = "litellm.metrics-auth.adapter";

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
		return DigestApiKeyAuthenticator.of(keys, hashes);
	}

	private static void putIndexed(Map<String, String> named, String property, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			named.put(property + "[" + i + "]", values.get(i).strip());
		}
	}

	@Bean
	@ConditionalOnMissingBean
	MetricsGuard metricsGuard(LiteLlmProperties properties, ApiKeyAuthenticator authenticator,
			ObjectProvider<AdditionalMetricsPaths> additionalPaths, ObjectProvider<AuthenticationListener> listener) {
		Set<String> paths = new LinkedHashSet<>(properties.getMetricsAuth().getPaths());
		additionalPaths.orderedStream().forEach((additional) -> paths.addAll(additional.paths()));
		logger.info(LogMessage.format(
				"Requiring an API key on %s (%s adapter), from 'Authorization: Bearer', "
						+ "'Authorization: Basic' or 'x-litellm-api-key'",
				paths, properties.getMetricsAuth().getAdapter().name().toLowerCase(Locale.ROOT).replace('_', '-')));
		return new MetricsGuard(new MetricsPathMatcher(paths), authenticator,
				listener.getIfUnique(() -> AuthenticationListener.NONE));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NotHttpHandlerAdapterCondition.class)
	static class WebFilterAdapterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MetricsAuthWebFilter metricsAuthWebFilter(MetricsGuard guard, LiteLlmProperties properties) {
			return new MetricsAuthWebFilter(guard, properties.getMetricsAuth().getFilterOrder());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = ADAPTER_PROPERTY, havingValue = "http-handler")
	static class HttpHandlerAdapterConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		HttpHandlerDecoratorFactory metricsAuthHttpHandlerDecoratorFactory(MetricsGuard guard) {
			return (handler) -> new MetricsAuthHttpHandlerDecorator(guard, handler);
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
	static class ActuatorPrometheusEndpointConfiguration {

		private static final EndpointId PROMETHEUS = EndpointId.of("prometheus");

		@Bean
		AdditionalMetricsPaths actuatorPrometheusEndpointPath(ObjectProvider<PathMappedEndpoints> endpoints) {
			return () -> {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				String path = (mapped != null) ? mapped.getPath(PROMETHEUS) : null;
				return (path != null) ? List.of(path) : List.of();
			};
		}

	}

	/**
	 * The WebFilter is the default: it applies unless the HttpHandler adapter is chosen,
	 * so exactly one of the two always guards the metrics.
	 */
	static class NotHttpHandlerAdapterCondition extends NoneNestedConditions {

		NotHttpHandlerAdapterCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = ADAPTER_PROPERTY, havingValue = "http-handler")
		static class HttpHandlerAdapter {

		}

	}

}
