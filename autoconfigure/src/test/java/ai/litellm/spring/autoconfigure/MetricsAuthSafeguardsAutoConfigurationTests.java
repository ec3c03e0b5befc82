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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthSafeguardsAutoConfiguration}: a switched-on guard is never
 * silently off, and keys never show in actuator.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsAuthSafeguardsAutoConfigurationTests {

	private static final String KEY = "sk-master-key-1234";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MetricsAuthAutoConfiguration.class, MetricsAuthSafeguardsAutoConfiguration.class))
		.withPropertyValues("litellm.master-key=" + KEY);

	@ParameterizedTest
	@ValueSource(strings = { "on", "yes", "1", "ture", "enabled", " true", "true ", "t", "" })
	void refusesToStartWithASwitchThatIsNeitherTrueNorFalse(String value) {
		// Not through withPropertyValues, which strips the value.
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("litellm.require-auth-for-metrics-endpoint", value))))
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(MetricsAuthConfigurationException.class)
				.hasMessageContaining("'litellm.require-auth-for-metrics-endpoint'")
				.hasMessageContaining("Invalid value '" + value + "'")
				.hasMessageContaining("only true or false"));
	}

	@ParameterizedTest
	@CsvSource({ "true, 1", "TRUE, 1", "True, 1", "tRuE, 1", "false, 0", "FALSE, 0", "False, 0" })
	void guardsForTrueAndRegistersNothingForFalseInAnyCase(String value, int guards) {
		this.contextRunner.withPropertyValues("litellm.require-auth-for-metrics-endpoint=" + value)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBeans(WebFilter.class)
				.hasSize(guards)
				.allSatisfy((name, filter) -> assertThat(filter).isInstanceOf(MetricsAuthWebFilter.class)));
	}

	@ParameterizedTest
	@CsvSource({ "web-filter, reactive", "http-handler, reactive", "servlet-filter, servlet" })
	void refusesToStartWhenTheSwitchIsOnButNoGuardIsRegistered(String adapter, String kind) {
		AbstractApplicationContextRunner<?, ?, ?> contextRunner = kind.equals("servlet")
				? new WebApplicationContextRunner() : new ReactiveWebApplicationContextRunner()
					.withPropertyValues("litellm.metrics-auth.adapter=" + adapter);
		contextRunner = contextRunner.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
				"litellm.master-key=" + KEY);
		ContextConsumer<ApplicationContextAssertProvider<?>> failsClosed = (context) -> assertThat(context).getFailure()
			.isInstanceOf(MetricsAuthConfigurationException.class)
			.hasMessageContaining(
					"no metrics guard (" + adapter + " adapter) is registered in this " + kind + " web application")
			.hasMessageNotContaining(KEY);
		// What an application processed ahead of time with the switch off, or one that
		// excludes the guard's auto-configuration, looks like at run time.
		AbstractApplicationContextRunner<?, ?, ?> checkOnly = contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAuthSafeguardsAutoConfiguration.class));
		checkOnly.run(failsClosed);
		// A guard that no adapter of the configured kind applies guards nothing.
		checkOnly.withBean(MetricsGuard.class, MetricsAuthAutoConfigurationTests::customGuard).run(failsClosed);
		// What Spring Boot applies from spring.factories, which a context runner does
		// not, when the starter's auto-configurations are excluded.
		contextRunner.withInitializer(new MetricsAuthSafeguardsInitializer()).run(failsClosed);
	}

	@Test
	void addsNoSecondStartupCheckWhenTheAutoConfigurationRegisteredOne() {
		this.contextRunner.withInitializer(new MetricsAuthSafeguardsInitializer())
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MetricsAuthStartupCheck.class));
	}

	@Test
	void startsWithoutAGuardWhenTheSwitchIsOffAndTheAutoConfigurationsAreExcluded() {
		new ReactiveWebApplicationContextRunner().withInitializer(new MetricsAuthSafeguardsInitializer())
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesToStartWhenAnOwnPathMatcherLeavesAConfiguredPathOpen() {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.paths=/metrics,/internal/metrics")
			.withBean(MetricsPathMatcher.class, () -> new MetricsPathMatcher(List.of("/metrics", "/custom")))
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(MetricsAuthConfigurationException.class)
				.hasMessageContaining("does not guard [/internal/metrics]")
				.hasMessageContaining("MetricsPathMatcher"));
	}

	@Test
	void refusesToStartWhenAnOwnPathMatcherLeavesTheActuatorEndpointOpen() {
		this.contextRunner.withConfiguration(MetricsAuthAutoConfigurationTests.prometheusEndpoints())
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"management.endpoints.web.exposure.include=prometheus")
			.withBean(MetricsPathMatcher.class, () -> new MetricsPathMatcher(List.of("/metrics")))
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(MetricsAuthConfigurationException.class)
				.hasMessageContaining("does not guard [/actuator/prometheus]"));
	}

	@Test
	void startsWithKeyFilesThatHoldNoKeyYetOrWithOnlyAKeyStoreAndSaysSo(@TempDir Path directory,
			CapturedOutput output) {
		ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAuthAutoConfiguration.class,
					MetricsAuthSafeguardsAutoConfiguration.class))
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true");
		contextRunner.withPropertyValues("litellm.metrics-auth.key-files=" + directory)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("accepting no key yet (every metrics request is answered 401 until a key file")
			.doesNotContain("key store");
		contextRunner.withBean(ReactiveApiKeyAuthenticator.class, () -> (key) -> Mono.empty())
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("and the keys of the application's key store");
	}

	@Test
	void startsWithAnOwnPathMatcherThatGuardsEveryConfiguredPath() {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.paths=/metrics,/internal/metrics")
			.withBean(MetricsPathMatcher.class,
					() -> new MetricsPathMatcher(List.of("/metrics", "/internal/metrics", "/custom")))
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(MetricsGuard.class)
				.satisfies((guard) -> assertThat(guard.getPaths().getPaths()).contains("/custom")));
	}

	@Test
	void refusesToStartWhenTheSwitchIsInvalidEvenOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAuthSafeguardsAutoConfiguration.class))
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=yes")
			.run((context) -> assertThat(context).getFailure().isInstanceOf(MetricsAuthConfigurationException.class));
	}

	@Test
	void warnsThatNothingIsGuardedOutsideAWebApplication(CapturedOutput output) {
		ApplicationContextRunner contextRunner = new ApplicationContextRunner()
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true");
		contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAuthAutoConfiguration.class,
					MetricsAuthSafeguardsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed());
		// The check of last resort tells a context that is not a web one on its own.
		contextRunner.withInitializer(new MetricsAuthSafeguardsInitializer())
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.toString().split("this is not a web application", -1)).hasSize(3);
		assertThat(output).contains("nothing is guarded").contains("WARN");
	}

	@Test
	void registersTheKeySanitizingFunctionWhateverTheSwitchButNotWithoutActuator() {
		this.contextRunner.withPropertyValues("litellm.require-auth-for-metrics-endpoint=false")
			.run((context) -> assertThat(context).hasSingleBean(MetricsKeySanitizingFunction.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MetricsKeySanitizingFunction.class));
	}

	@Test
	void masksEveryKeyPropertyButTheKeyFilesLocations() {
		for (KeyProperty property : KeyProperty.values()) {
			assertThat(sanitized(property.propertyName(), "/run/secrets/metrics-key")).as(property.propertyName())
				.isEqualTo((property != KeyProperty.KEY_FILES) ? SanitizableData.SANITIZED_VALUE
						: "/run/secrets/metrics-key");
		}
	}

	@ParameterizedTest
	@MethodSource
	void masksEverySpellingOfAKeyPropertyAndEveryValueThatCarriesAKey(String name, String value) {
		assertThat(sanitized(name, value)).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	static Stream<Arguments> masksEverySpellingOfAKeyPropertyAndEveryValueThatCarriesAKey() {
		Stream<Arguments> keyProperties = Stream
			.of("litellm.master-key", "litellm.masterKey", "LITELLM_MASTER_KEY", "litellm.master_key",
					"litellm.metrics-auth.keys[0]", "litellm.metrics-auth.keys", "litellm.metricsAuth.keys",
					"LITELLM_METRICSAUTH_KEYS_0", "litellm.metrics-auth.key-hashes[2]", "litellm.metricsAuth.keyHashes",
					"litellm.metrics-auth.named-keys.prometheus", "litellm.metricsAuth.namedKeys.grafana",
					"LITELLM_METRICSAUTH_NAMEDKEYS_GRAFANA")
			.map((name) -> Arguments.of(name, KEY));
		return Stream.concat(keyProperties,
				Stream.of(Arguments.of("sun.java.command", "app.jar --server.port=8080 --litellm.master-key=" + KEY),
						Arguments.of("sun.java.command", "ai.example.App --litellm.metrics-auth.named-keys=" + KEY),
						Arguments.of("sun.java.command", "app.jar --litellm.metrics-auth.named-keys.prometheus=" + KEY),
						Arguments.of("sun.java.command", "app.jar --litellm.metrics-auth.keys[0]=" + KEY),
						Arguments.of("sun.java.command", "app.jar --litellm.metricsAuth.keyHashes=" + "ab".repeat(32)),
						Arguments.of("sun.java.command", "app.jar --LITELLM_MASTER_KEY=" + KEY),
						Arguments.of("SPRING_APPLICATION_JSON", "{\"litellm\":{\"master-key\":\"" + KEY + "\"}}"),
						Arguments.of("SPRING_APPLICATION_JSON",
								"{\"litellm\":{\"metrics-auth\":{\"named-keys\":{\"grafana\":\"" + KEY + "\"}}}}"),
						Arguments.of("SPRING_APPLICATION_JSON",
								"{\"litellm\": {\"metricsAuth\": {\"keys\": [\"" + KEY + "\"]}}}"),
						Arguments.of("spring.application.json", "{\"litellm.master_key\":\"" + KEY + "\"}"),
						Arguments.of("JAVA_TOOL_OPTIONS", "-Xmx512m -Dlitellm.metrics-auth.named-keys.x=" + KEY),
						Arguments.of("JDK_JAVA_OPTIONS", "-Dlitellm.master-key=" + KEY + " -Xss1m")));
	}

	@ParameterizedTest
	@MethodSource
	void leavesOtherPropertiesAndValuesThatCarryNoKeyAlone(String name, Object value) {
		assertThat(sanitized(name, value)).isEqualTo(value);
	}

	static Stream<Arguments> leavesOtherPropertiesAndValuesThatCarryNoKeyAlone() {
		Stream<Arguments> otherProperties = Stream
			.of("litellm.require-auth-for-metrics-endpoint", "litellm.metrics-auth.paths[0]",
					"litellm.metrics-auth.adapter", "server.port", "masterKey", "keys",
					"litellm.metrics-auth.key-files[0]")
			.map((name) -> Arguments.of(name, "value"));
		return Stream.concat(otherProperties,
				Stream.of(
						Arguments.of("sun.java.command", "app.jar --server.port=8080 --litellm.metrics-auth.paths=/x"),
						Arguments.of("JAVA_TOOL_OPTIONS", "-Xmx512m -Dlitellm.require-auth-for-metrics-endpoint=true"),
						Arguments.of("SPRING_APPLICATION_JSON", "{\"server\":{\"port\":8080}}"),
						Arguments.of("java.class.path", "/app/lib/litellm-spring-boot.jar"),
						Arguments.of("server.port", 8080)));
	}

	private static Object sanitized(String name, Object value) {
		return new MetricsKeySanitizingFunction().apply(new SanitizableData(null, name, value)).getValue();
	}

}
