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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import ai.litellm.spring.autoconfigure.LiteLlmProperties.Adapter;
import ai.litellm.spring.autoconfigure.MetricsAuthAutoConfiguration.ActuatorEndpointsConfiguration;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.ApiKeyAuthenticator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Fails startup unless the switch is {@code true} or {@code false} and, when it is
 * {@code true}, the guard and the adapter asked for run with a key or a key store, then
 * logs what is guarded. It reads the environment at run time, so it also holds for an
 * application processed ahead of time.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class MetricsAuthStartupCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MetricsAuthStartupCheck.class);

	private static final String REQUIRE_AUTH_PROPERTY = MetricsAuthSafeguardsAutoConfiguration.REQUIRE_AUTH_PROPERTY;

	private static final String ACTUATOR_ENDPOINTS_CLASS = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints";

	private static final String SERVLET_CONTEXT_CLASS = "org.springframework.web.context.WebApplicationContext";

	private final Environment environment;

	private final ListableBeanFactory beans;

	private final ApplicationKind applicationKind;

	MetricsAuthStartupCheck(Environment environment, ListableBeanFactory beans, ApplicationKind applicationKind) {
		this.environment = environment;
		this.beans = beans;
		this.applicationKind = applicationKind;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!isAuthRequired()) {
			return;
		}
		if (this.applicationKind == ApplicationKind.NOT_WEB) {
			logger.warn(REQUIRE_AUTH_PROPERTY + " is true, but this is not a web application: "
					+ "it serves no metrics endpoint, so nothing is guarded");
			return;
		}
		Adapter adapter = OnAdapterCondition.boundAdapter(this.environment);
		String adapterName = (this.applicationKind == ApplicationKind.SERVLET) ? "servlet-filter"
				: adapterName(adapter);
		if (!isGuardRegistered(adapter)) {
			throw new MetricsAuthConfigurationException(
					REQUIRE_AUTH_PROPERTY + " is true, but no metrics guard (" + adapterName
							+ " adapter) is registered in this " + this.applicationKind.description
							+ " application, so its metrics would be served without a key.",
					"Make sure that MetricsAuthAutoConfiguration is not excluded; if the application was processed "
							+ "ahead of time (spring-boot:process-aot, native image), process it again with "
							+ REQUIRE_AUTH_PROPERTY + "=true and the same litellm.metrics-auth.adapter; or set "
							+ REQUIRE_AUTH_PROPERTY + "=false to serve metrics without authentication.");
		}
		requireEveryMetricsPathGuarded();
		// The starter's own ring by name: an application may hold rings of its own.
		KeyRing keys = this.beans.containsBean(MetricsAuthAutoConfiguration.KEY_RING_BEAN)
				? this.beans.getBean(MetricsAuthAutoConfiguration.KEY_RING_BEAN, KeyRing.class)
				: this.beans.getBeanProvider(KeyRing.class).getIfUnique();
		Set<String> keyNames = (keys != null) ? keys.getKeys().names() : Set.of();
		boolean hasKeyStore = hasKeyStore();
		if (keyNames.isEmpty() && !hasKeyStore && (keys == null || !keys.hasKeyFiles())) {
			throw new MetricsKeyMissingException();
		}
		MetricsPathMatcher paths = this.beans.getBeanProvider(MetricsPathMatcher.class).getIfUnique();
		logger.info("Requiring an API key on " + ((paths != null) ? paths.getPaths() : "the metrics paths") + " ("
				+ adapterName + " adapter), from 'Authorization: Bearer', 'Authorization: Basic' "
				+ "or 'x-litellm-api-key', accepting "
				+ (keyNames.isEmpty() ? "no key yet (every metrics request is answered 401 until a key file holds one)"
						: "the keys named " + keyNames)
				+ (hasKeyStore ? " and the keys of the application's key store" : ""));
	}

	// By the stack's own contract only, so that the other stack's types are never loaded.
	private boolean hasKeyStore() {
		Class<?> contract = (this.applicationKind == ApplicationKind.SERVLET) ? ApiKeyAuthenticator.class
				: ReactiveApiKeyAuthenticator.class;
		return this.beans.getBeanNamesForType(contract, false, false).length > 0;
	}

	private boolean isAuthRequired() {
		String value = this.environment.getProperty(REQUIRE_AUTH_PROPERTY);
		if (value == null || "false".equalsIgnoreCase(value)) {
			return false;
		}
		if ("true".equalsIgnoreCase(value)) {
			return true;
		}
		throw new MetricsAuthConfigurationException(
				"Invalid value '" + value + "' for '" + REQUIRE_AUTH_PROPERTY + "': only true or false (in any case) "
						+ "is accepted, so that a misspelt switch can never leave the metrics open.",
				"Set " + REQUIRE_AUTH_PROPERTY + " to true to require an API key on the metrics endpoints, "
						+ "or to false to serve them without one.");
	}

	private boolean isGuardRegistered(Adapter adapter) {
		if (this.beans.getBeanNamesForType(MetricsGuard.class, false, false).length == 0) {
			return false;
		}
		if (this.applicationKind == ApplicationKind.SERVLET) {
			return MetricsAuthFilterRegistration.find(this.beans) != null;
		}
		return switch (adapter) {
			case WEB_FILTER -> this.beans.getBeanNamesForType(MetricsAuthWebFilter.class, false, false).length > 0;
			case HTTP_HANDLER ->
				this.beans.containsBean(MetricsAuthAutoConfiguration.HTTP_HANDLER_DECORATOR_FACTORY_BEAN)
						&& this.beans.isTypeMatch(MetricsAuthAutoConfiguration.HTTP_HANDLER_DECORATOR_FACTORY_BEAN,
								HttpHandlerDecoratorFactory.class);
		};
	}

	// An application's own MetricsPathMatcher or MetricsGuard bean must still cover what
	// the configuration guards: the configured paths and the mapped actuator endpoints.
	private void requireEveryMetricsPathGuarded() {
		MetricsGuard guard = this.beans.getBeanProvider(MetricsGuard.class).getIfUnique();
		if (guard == null) {
			return;
		}
		LiteLlmProperties.MetricsAuth metricsAuth = Binder.get(this.environment)
			.bindOrCreate("litellm", LiteLlmProperties.class)
			.getMetricsAuth();
		List<String> required = new ArrayList<>(metricsAuth.getPaths());
		if (ClassUtils.isPresent(ACTUATOR_ENDPOINTS_CLASS, getClass().getClassLoader())) {
			required.addAll(ActuatorEndpointPaths.of(this.beans, metricsAuth.getActuatorEndpoints()));
		}
		// Each path literally, as Spring maps it and the matcher takes it: a ';' or a '%'
		// in a mapped endpoint's path (prom;x) is part of its segment.
		List<String> unguarded = required.stream()
			.filter((path) -> !guard.getPaths().matchesPlainPath(path, 0, 0))
			.toList();
		if (!unguarded.isEmpty()) {
			throw new MetricsAuthConfigurationException(
					REQUIRE_AUTH_PROPERTY + " is true, but the metrics guard in use does not guard " + unguarded
							+ ", which litellm.metrics-auth.paths and litellm.metrics-auth.actuator-endpoints ask for: "
							+ "an application's own MetricsPathMatcher or MetricsGuard bean leaves them open.",
					"Build your MetricsPathMatcher from these paths and yours, or remove it and add your paths to "
							+ "litellm.metrics-auth.paths.");
		}
	}

	private static String adapterName(Adapter adapter) {
		return adapter.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	enum ApplicationKind {

		REACTIVE("reactive web"), SERVLET("servlet web"), NOT_WEB("non-web");

		private final String description;

		ApplicationKind(String description) {
			this.description = description;
		}

		// A reactive context by the interface's name: Spring Boot moved it between
		// generations.
		static ApplicationKind of(ApplicationContext context) {
			if (ClassUtils.isPresent(SERVLET_CONTEXT_CLASS, context.getClassLoader())
					&& context instanceof WebApplicationContext) {
				return SERVLET;
			}
			for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(context.getClass())) {
				if (isReactiveWebApplicationContext(type)) {
					return REACTIVE;
				}
			}
			return NOT_WEB;
		}

		// Through ConfigurableReactiveWebApplicationContext, whose super-interfaces
		// ClassUtils does not list.
		private static boolean isReactiveWebApplicationContext(Class<?> type) {
			if (type.getName().endsWith(".ReactiveWebApplicationContext")) {
				return true;
			}
			for (Class<?> superType : type.getInterfaces()) {
				if (isReactiveWebApplicationContext(superType)) {
					return true;
				}
			}
			return false;
		}

	}

	// A class of its own, so that an application without actuator never loads its types.
	private static final class ActuatorEndpointPaths {

		static List<String> of(ListableBeanFactory beans, List<String> endpointIds) {
			PathMappedEndpoints mapped = beans.getBeanProvider(PathMappedEndpoints.class).getIfAvailable();
			return (mapped != null) ? ActuatorEndpointsConfiguration.paths(mapped, endpointIds) : List.of();
		}

	}

}
