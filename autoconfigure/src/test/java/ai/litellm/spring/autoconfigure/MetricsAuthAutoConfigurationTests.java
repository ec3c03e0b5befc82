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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.AuthenticationListener;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.metrics.reactive.MetricsAuthHttpHandlerDecorator;
import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.ApiKeyAuthenticator;
import ai.litellm.spring.metrics.servlet.MetricsAuthServletFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link MetricsAuthAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsAuthAutoConfigurationTests {

	private static final String KEY = "sk-master-1234";

	private static final String FILE_KEY = "sk-from-a-key-file-0001";

	private static final String USER_KEY = "user-key-from-the-apps-store-0001";

	private static final String OWN_KEY = "sk-own-guards-key-0001";

	// Boot 4's name first, then Boot 3's.
	private static final List<List<String>> MICROMETER_AUTO_CONFIGURATIONS = List.of(
			List.of("org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration"),
			List.of("org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration"),
			List.of("org.springframework.boot.micrometer.metrics.autoconfigure.MetricsEndpointAutoConfiguration",
					"org.springframework.boot.actuate.autoconfigure.metrics.MetricsEndpointAutoConfiguration"));

	// The starter's auto-configurations, as both kinds of web application get them.
	private static final AutoConfigurations STARTER = AutoConfigurations.of(MetricsAuthAutoConfiguration.class,
			MetricsAuthSafeguardsAutoConfiguration.class);

	// The switch on, with the master key.
	private static final String[] SWITCHED_ON = { "litellm.require-auth-for-metrics-endpoint=true",
			"litellm.master-key=" + KEY };

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(STARTER);

	private final ReactiveWebApplicationContextRunner guarded = this.contextRunner.withPropertyValues(SWITCHED_ON);

	@Test
	void registersNothingByDefault() {
		this.contextRunner.withPropertyValues("litellm.master-key=" + KEY)
			.run((context) -> assertThat(context).doesNotHaveBean(WebFilter.class).doesNotHaveBean(KeyRing.class));
	}

	@Test
	void registersNothingOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MetricsAuthAutoConfiguration.class))
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebFilter.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "web-filter", "http-handler" })
	void guardsMetricsWithTheMasterKey(String adapter) {
		this.guarded.withPropertyValues("litellm.metrics-auth.adapter=" + adapter).run((context) -> {
			assertThat(statusOf(context, "/metrics", KEY)).isNull();
			assertThat(statusOf(context, "/metrics", "sk-other")).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(statusOf(context, "/metrics", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(statusOf(context, "/health", null)).isNull();
		});
	}

	@ParameterizedTest
	@MethodSource
	void acceptsEveryConfiguredKeyAndNoOther(List<String> properties, List<String> accepted, String rejected) {
		this.contextRunner.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true")
			.withPropertyValues(properties.toArray(String[]::new))
			.run((context) -> {
				for (String key : accepted) {
					assertThat(statusOf(context, "/metrics", key)).as(key).isNull();
				}
				assertThat(statusOf(context, "/metrics", rejected)).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/metrics", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
			});
	}

	static Stream<Arguments> acceptsEveryConfiguredKeyAndNoOther() throws NoSuchAlgorithmException {
		String hash = sha256Hex("sk-virtual");
		return Stream.of(
				// LiteLLM's own environment variable, white space around it stripped.
				Arguments.of(List.of("LITELLM_MASTER_KEY= " + KEY + "\n"), List.of(KEY), "sk-other"),
				// The property wins over the environment variable.
				Arguments.of(List.of("litellm.master-key=" + KEY, "LITELLM_MASTER_KEY=sk-from-env"), List.of(KEY),
						"sk-from-env"),
				// Every key of a rotation.
				Arguments.of(List.of("litellm.master-key=" + KEY, "litellm.metrics-auth.keys=sk-old,sk-new"),
						List.of(KEY, "sk-old", "sk-new"), "sk-older"),
				// Keys configured only as their SHA-256 hashes: a hash is not a key.
				Arguments.of(List.of("litellm.metrics-auth.key-hashes=" + hash), List.of("sk-virtual"), hash));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void failsToStartWithoutAKeyOrWithABlankOneNamingEveryPropertyThatHoldsOne(String blank) {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + blank,
					"LITELLM_MASTER_KEY=")
			.run((context) -> {
				assertThat(context).getFailure()
					.isInstanceOf(MetricsKeyMissingException.class)
					.hasMessageContaining("(litellm.require-auth-for-metrics-endpoint=true)")
					.hasMessageContaining("'litellm.master-key' (or the LITELLM_MASTER_KEY environment variable)")
					.hasMessageContaining("'litellm.metrics-auth.keys'")
					.hasMessageContaining("'litellm.metrics-auth.key-hashes'")
					.hasMessageContaining("'litellm.metrics-auth.named-keys'")
					.hasMessageContaining("'litellm.metrics-auth.key-files'");
				FailureAnalysis analysis = failureAnalysis(context);
				assertThat(analysis.getDescription()).isEqualTo(context.getStartupFailure().getMessage());
				assertThat(analysis.getAction()).contains("Set 'litellm.master-key'").contains("LITELLM_MASTER_KEY");
			});
	}

	@Test
	void failsToStartWithAKeyThatNoScraperCouldSendWithoutEchoingIt() {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=sk secret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageNotContaining("secret"));
	}

	// A good value first, then the one that names its place in the list.
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					key-hashes | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | sk-oops | must be 64 hex characters (a SHA-256 digest)
					keys       | sk-old                                                           | ' '     | must be a non-empty key of visible ASCII characters (no white space, control or non-ASCII characters)
					""")
	void failsToStartWithAKeyOrHashThatCannotWorkAndNamesIt(String property, String good, String bad, String why) {
		String name = "litellm.metrics-auth." + property;
		this.guarded.withPropertyValues(name + "[0]=" + good, name + "[1]=" + bad)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage(name + "[1] " + why));
	}

	@Test
	void countsOutcomesWhenAMeterRegistryIsPresent() {
		this.guarded.withBean(SimpleMeterRegistry.class).run((context) -> {
			statusOf(context, "/metrics", null);
			statusOf(context, "/metrics", "sk-wrong");
			statusOf(context, "/metrics", "sk-wrong");
			statusOf(context, "/metrics", KEY);
			statusOf(context, "/health", null);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(count(registry, "accepted", "none")).isEqualTo(1);
			assertThat(count(registry, "rejected", "missing_key")).isEqualTo(1);
			assertThat(count(registry, "rejected", "invalid_key")).isEqualTo(2);
			assertThat(count(registry, "rejected", "malformed_credentials")).isZero();
		});
	}

	@Test
	void logsWhatIsGuardedAndHowButNeverTheKey(CapturedOutput output) {
		this.guarded.withPropertyValues("litellm.metrics-auth.keys=sk-second").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Requiring an API key on [/metrics] (web-filter adapter)")
				.doesNotContain(KEY)
				.doesNotContain("sk-second");
		});
	}

	@Test
	void acceptsNamedKeysAndCountsAcceptedRequestsByName() throws NoSuchAlgorithmException {
		String grafanaKey = "sk-grafana-scraper-key-42";
		this.guarded.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("litellm.metrics-auth.named-keys.prometheus-a=sk-prometheus-a-key-0001",
					"litellm.metrics-auth.named-keys.grafana=sha256:" + sha256Hex(grafanaKey))
			.run((context) -> {
				assertThat(statusOf(context, "/metrics", "sk-prometheus-a-key-0001")).isNull();
				assertThat(statusOf(context, "/metrics", grafanaKey)).isNull();
				assertThat(statusOf(context, "/metrics", grafanaKey)).isNull();
				assertThat(statusOf(context, "/metrics", KEY)).isNull();
				assertThat(statusOf(context, "/metrics", "sk-unknown")).isEqualTo(HttpStatus.UNAUTHORIZED);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(acceptedWith(registry, "prometheus-a")).isEqualTo(1);
				assertThat(acceptedWith(registry, "grafana")).isEqualTo(2);
				assertThat(acceptedWith(registry, "master")).isEqualTo(1);
				assertThat(registry.get("litellm.metrics.auth").tag("outcome", "rejected").counters())
					.allSatisfy((counter) -> assertThat(counter.getId().getTag("key")).isEqualTo("none"));
			});
	}

	@Test
	void failsToStartWithAKeyFileThatCannotBeReadNamingItButNotItsContent(@TempDir Path directory) throws IOException {
		Path keyFile = Files.writeString(directory.resolve("metrics-key"), "sk secret with spaces");
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.key-files=" + keyFile)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MetricsAuthConfigurationException.class)
				.hasMessageContaining("litellm.metrics-auth.key-files[0] (" + keyFile + ")")
				.hasMessageNotContaining("secret"));
	}

	@Test
	void readsKeyFilesAtStartupAndWatchesThemOnlyWhenConfigured(@TempDir Path directory) throws IOException {
		Path keyFile = Files.writeString(directory.resolve("prometheus"), "sk-from-a-key-file-0001\n");
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.key-files=" + keyFile)
			.run((context) -> {
				assertThat(context.getBean(KeyRing.class).isRunning()).isTrue();
				assertThat(statusOf(context, "/metrics", "sk-from-a-key-file-0001")).isNull();
			});
		this.guarded.run((context) -> assertThat(context.getBean(KeyRing.class).isRunning()).isFalse());
	}

	@Test
	void startsTheAcceptedSeriesOfEveryHeldKeyAtZeroAtStartupAndAfterAReload(@TempDir Path directory)
			throws IOException {
		Files.writeString(directory.resolve("prometheus"), FILE_KEY);
		this.guarded.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("litellm.metrics-auth.keys=sk-unnamed-key-000001",
					"litellm.metrics-auth.named-keys.grafana=sk-grafana-key-000001",
					"litellm.metrics-auth.key-files=" + directory, "litellm.metrics-auth.key-files-refresh=1h")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(acceptedSeries(registry)).containsOnly(entry("master", 0.0), entry("unnamed", 0.0),
						entry("grafana", 0.0), entry("prometheus", 0.0));
				assertThat(registry.get("litellm.metrics.auth.key.files.usable").gauge().value()).isEqualTo(1);
				assertThat(registry.get("litellm.metrics.auth.key.files.last.usable").gauge().value())
					.isCloseTo(System.currentTimeMillis() / 1000.0, within(60.0));
				Files.writeString(directory.resolve("vmagent"), "sk-vmagent-key-000001");
				context.getBean(KeyRing.class).reload();
				assertThat(acceptedSeries(registry)).containsEntry("vmagent", 0.0).hasSize(5);
				Files.writeString(directory.resolve("vmagent"), "");
				context.getBean(KeyRing.class).reload();
				assertThat(registry.get("litellm.metrics.auth.key.files.usable").gauge().value()).isZero();
				assertThat(registry.get("litellm.metrics.auth.key.files.failures").counter().count()).isEqualTo(1);
			});
	}

	@Test
	void startsNoMasterSeriesWithoutAMasterKeyAndNoKeyFilesMetersWithoutKeyFiles() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.named-keys.grafana=sk-grafana-key-000001")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(acceptedSeries(registry)).containsOnly(entry("grafana", 0.0));
				assertThat(registry.find("litellm.metrics.auth.key.files.usable").gauge()).isNull();
			});
	}

	@Test
	void countsTheNamesOfAKeyStoreBeyondAHundredAsOther() {
		String[] namesAndKeys = IntStream.range(0, 105)
			.mapToObj((i) -> new String[] { "scraper-" + i, "sk-scraper-key-" + i })
			.flatMap(Arrays::stream)
			.toArray(String[]::new);
		this.guarded.withBean(SimpleMeterRegistry.class)
			.withBean(ReactiveApiKeyAuthenticator.class, AppKeyStore.of(namesAndKeys)::reactive)
			.run((context) -> {
				for (int i = 0; i < 105; i++) {
					assertThat(statusOf(context, "/metrics", "sk-scraper-key-" + i)).isNull();
				}
				assertThat(statusOf(context, "/metrics", KEY)).isNull();
				Map<String, Double> series = acceptedSeries(context.getBean(MeterRegistry.class));
				assertThat(series).hasSize(102)
					.containsEntry("scraper-0", 1.0)
					.containsEntry("scraper-99", 1.0)
					.containsEntry("other", 5.0)
					.containsEntry("master", 1.0)
					.doesNotContainKey("scraper-100");
			});
	}

	@Test
	void countsEachKindOfUnavailableKeyStoreUnderItsOwnReason() {
		MeterRegistry registry = new SimpleMeterRegistry();
		MeterRegistryMetricsAuthListener listener = new MeterRegistryMetricsAuthListener(registry);
		listener.unavailable(new AuthenticatorTimeoutException(Duration.ofSeconds(5)));
		listener.unavailable(new AuthenticatorSaturatedException(8));
		listener.unavailable(new AuthenticatorSaturatedException(8));
		listener.unavailable(new IllegalStateException("down"));
		assertThat(count(registry, "error", "timeout")).isEqualTo(1);
		assertThat(count(registry, "error", "saturated")).isEqualTo(2);
		assertThat(count(registry, "error", "authenticator_error")).isEqualTo(1);
	}

	@Test
	void countsKeyStoreNamesBeyondTheBoundAsOtherAndWarnsOnce(CapturedOutput output) {
		MeterRegistry registry = new SimpleMeterRegistry();
		MeterRegistryMetricsAuthListener listener = new MeterRegistryMetricsAuthListener(registry);
		for (int i = 0; i < MeterRegistryMetricsAuthListener.MAX_KEY_STORE_NAMES + 3; i++) {
			listener.accepted("key-" + i);
		}
		assertThat(acceptedWith(registry, "other")).isEqualTo(3);
		assertThat(output.toString().split("named more than 100 keys", -1)).hasSize(2);
	}

	private static Map<String, Double> acceptedSeries(MeterRegistry registry) {
		return registry.find("litellm.metrics.auth")
			.tag("outcome", "accepted")
			.counters()
			.stream()
			.collect(Collectors.toMap((counter) -> counter.getId().getTag("key"), Counter::count));
	}

	private static double acceptedWith(MeterRegistry registry, String key) {
		return registry.get("litellm.metrics.auth").tag("outcome", "accepted").tag("key", key).counter().count();
	}

	private static double count(MeterRegistry registry, String outcome, String reason) {
		return registry.get("litellm.metrics.auth").tag("outcome", outcome).tag("reason", reason).counter().count();
	}

	@Test
	void guardsWithTheApplicationsKeyStoreAloneWhenNoKeyIsConfigured() {
		this.contextRunner
			.withBean(ReactiveApiKeyAuthenticator.class, AppKeyStore.of("store", "sk-from-key-store")::reactive)
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(statusOf(context, "/metrics", "sk-from-key-store")).isNull();
				assertThat(statusOf(context, "/metrics", KEY)).isEqualTo(HttpStatus.UNAUTHORIZED);
			});
	}

	@Test
	void asksTheApplicationsKeyStoreOnceForEachKeyNoneOfTheConfiguredKeysIsAndCountsItsNames(@TempDir Path directory)
			throws IOException {
		Path keyFile = Files.writeString(directory.resolve("prometheus"), FILE_KEY);
		AppKeyStore store = AppKeyStore.of("store-master", KEY, "store-file", FILE_KEY, "grafana", USER_KEY);
		this.guarded.withBean(SimpleMeterRegistry.class)
			.withBean(ReactiveApiKeyAuthenticator.class, store::reactive)
			.withPropertyValues("litellm.metrics-auth.key-files=" + keyFile)
			.run((context) -> {
				assertThat(statusOf(context, "/metrics", KEY)).isNull();
				assertThat(statusOf(context, "/metrics", FILE_KEY)).isNull();
				assertThat(store.lookups()).isZero();
				for (int i = 0; i < 2; i++) {
					assertThat(statusOf(context, "/metrics", USER_KEY)).isNull();
					assertThat(statusOf(context, "/metrics", "sk-unknown")).isEqualTo(HttpStatus.UNAUTHORIZED);
				}
				assertThat(store.lookups()).as("one lookup per key within the cache's time to live").isEqualTo(2);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(acceptedWith(registry, "master")).isEqualTo(1);
				assertThat(acceptedWith(registry, "prometheus")).isEqualTo(1);
				assertThat(acceptedWith(registry, "grafana")).isEqualTo(2);
			});
	}

	@Test
	void acceptsConfiguredKeysAndLiteLlmMasterKeyFirstAndNeverTouchesTheApplicationsKeyStoreWhenKeyFilesReload(
			@TempDir Path directory) throws IOException {
		Path keyFile = Files.writeString(directory.resolve("prometheus"), FILE_KEY);
		AppKeyStore store = AppKeyStore.of("user", USER_KEY);
		this.contextRunner.withBean("userKeyRing", KeyRing.class, store::keyRing)
			.withBean("userKeyStore", ReactiveApiKeyAuthenticator.class, store::reactive)
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "LITELLM_MASTER_KEY=" + KEY,
					"litellm.metrics-auth.key-files=" + keyFile, "litellm.metrics-auth.key-files-refresh=1h")
			.run((context) -> {
				AcceptedKeys storesKeys = store.keyRing().getKeys();
				Files.writeString(keyFile, "sk-rotated-key-file-0002");
				context.getBean("metricsKeyRing", KeyRing.class).reload();
				assertThat(statusOf(context, "/metrics", "sk-rotated-key-file-0002")).isNull();
				assertThat(statusOf(context, "/metrics", KEY)).isNull();
				assertThat(store.lookups()).isZero();
				assertThat(statusOf(context, "/metrics", FILE_KEY)).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/metrics", USER_KEY)).isNull();
				assertThat(context.getBean("userKeyStore")).isSameAs(store.reactive());
				assertThat(context.getBean("userKeyRing")).isSameAs(store.keyRing());
				assertThat(store.keyRing().getKeys()).isSameAs(storesKeys);
			});
	}

	@Test
	void checksAndLogsTheStartersOwnKeysBesideAKeyRingOfTheApplicationsOwn(CapturedOutput output) {
		this.guarded.withBean("userKeyRing", KeyRing.class, () -> new KeyRing(AppKeyStore.keys("user", USER_KEY)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("accepting the keys named [master]");
				assertThat(statusOf(context, "/metrics", KEY)).isNull();
				assertThat(statusOf(context, "/metrics", USER_KEY)).isEqualTo(HttpStatus.UNAUTHORIZED);
			});
	}

	@Test
	void backsOffWhenTheUserDefinesTheFilter() {
		this.guarded
			.withBean("customFilter", MetricsAuthWebFilter.class,
					() -> new MetricsAuthWebFilter(customGuard(), null, 0))
			.withBean("otherFilter", WebFilter.class, () -> (exchange, chain) -> chain.filter(exchange))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.getBean(MetricsAuthWebFilter.class)
					.isSameAs(context.getBean("customFilter"));
				assertThat(statusOf(context, "/custom", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/custom", OWN_KEY)).isNull();
			});
	}

	@Test
	void backsOffToAnHttpHandlerDecoratorFactoryOfTheUsersOwnByItsName() {
		MetricsGuard guard = customGuard();
		this.guarded
			.withBean(MetricsAuthAutoConfiguration.HTTP_HANDLER_DECORATOR_FACTORY_BEAN,
					HttpHandlerDecoratorFactory.class,
					() -> (handler) -> new MetricsAuthHttpHandlerDecorator(guard, null, handler, null))
			.withPropertyValues("litellm.metrics-auth.adapter=http-handler")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.getBean(HttpHandlerDecoratorFactory.class)
					.isSameAs(context.getBean(MetricsAuthAutoConfiguration.HTTP_HANDLER_DECORATOR_FACTORY_BEAN));
				assertThat(statusOf(context, "/custom", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/custom", OWN_KEY)).isNull();
				assertThat(statusOf(context, "/metrics", null)).isNull();
			});
		this.guarded.withBean("tracingDecoratorFactory", HttpHandlerDecoratorFactory.class, () -> (handler) -> handler)
			.withPropertyValues("litellm.metrics-auth.adapter=http-handler")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean(MetricsAuthAutoConfiguration.HTTP_HANDLER_DECORATOR_FACTORY_BEAN)
				.getBeans(HttpHandlerDecoratorFactory.class)
				.hasSize(2));
	}

	@Test
	void guardsConfiguredPathsInsteadOfMetrics() {
		this.guarded.withPropertyValues("litellm.metrics-auth.paths=/internal/metrics,/stats").run((context) -> {
			assertThat(statusOf(context, "/internal/metrics", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(statusOf(context, "/stats/x", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(statusOf(context, "/metrics", null)).isNull();
		});
	}

	@Test
	void runsBeforeSpringSecurityUnlessAnotherOrderIsConfigured() {
		this.guarded
			.run((context) -> assertThat(context.getBean(MetricsAuthWebFilter.class).getOrder()).isLessThan(-100));
		this.guarded.withPropertyValues("litellm.metrics-auth.filter-order=42")
			.run((context) -> assertThat(context.getBean(MetricsAuthWebFilter.class).getOrder()).isEqualTo(42));
	}

	@ParameterizedTest
	@CsvSource({ "prometheus, scrape", "metrics, meters" })
	void guardsAnActuatorMeterEndpointWhereverItIsMapped(String endpoint, String mapping) {
		this.guarded.withConfiguration(prometheusEndpoints())
			.withPropertyValues("management.endpoints.web.exposure.include=health," + endpoint,
					"management.endpoints.web.base-path=/manage",
					"management.endpoints.web.path-mapping." + endpoint + "=" + mapping)
			.run((context) -> {
				assertThat(statusOf(context, "/manage/" + mapping, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/manage/" + mapping + "/jvm.memory.used", null))
					.isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/manage/" + mapping, KEY)).isNull();
				assertThat(statusOf(context, "/metrics", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/manage/health", null)).isNull();
			});
	}

	@Test
	void guardsOnlyTheConfiguredActuatorEndpoints() {
		this.guarded.withConfiguration(prometheusEndpoints())
			.withPropertyValues("management.endpoints.web.exposure.include=metrics,prometheus",
					"litellm.metrics-auth.actuator-endpoints=prometheus")
			.run((context) -> {
				assertThat(statusOf(context, "/actuator/prometheus", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
				assertThat(statusOf(context, "/actuator/metrics", null)).isNull();
			});
	}

	@Test
	void warnsWhenAnExposedMeterEndpointIsLeftOutOfTheGuardedOnes(CapturedOutput output) {
		this.guarded.withConfiguration(prometheusEndpoints())
			.withPropertyValues("management.endpoints.web.exposure.include=metrics,prometheus",
					"litellm.metrics-auth.actuator-endpoints=prometeus")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("Actuator's 'prometheus' endpoint serves every meter at /actuator/prometheus")
					.contains("Actuator's 'metrics' endpoint serves every meter at /actuator/metrics")
					.contains("WARN");
			});
	}

	// Each value that cannot work beside the same setup with one that does.
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			litellm.metrics-auth.authenticator-timeout=1s                      | false
			litellm.metrics-auth.key-files-refresh=1s                          | false
			litellm.metrics-auth.named-keys.grafana=sk-grafana-key-00001       | false
			litellm.metrics-auth.actuator-endpoints=metrics                    | false
			litellm.metrics-auth.filter-order=-5                               | false
			litellm.metrics-auth.authenticator-timeout=0s                      | true
			litellm.metrics-auth.authenticator-timeout=-1s                     | true
			litellm.metrics-auth.authenticator-timeout=soon                    | true
			litellm.metrics-auth.key-files-refresh=0s                          | true
			litellm.metrics-auth.named-keys.grafana=                           | true
			litellm.metrics-auth.named-keys.grafana=sha256:abc                 | true
			litellm.metrics-auth.actuator-endpoints=not an id                  | true
			litellm.metrics-auth.filter-order=first                            | true
			litellm.metrics-auth.adapter=http-handler                          | false
			litellm.metrics-auth.authenticator-max-in-flight=8                 | false
			litellm.metrics-auth.adapter=servlet-filter                        | true
			litellm.metrics-auth.authenticator-max-in-flight=                  | true
			litellm.metrics-auth.authenticatorMaxInFlight=0                    | true
			litellm.metricsAuth.authenticatorCacheTtl=-1s                      | true
			""")
	void refusesToStartWithAValueThatCannotWork(String property, boolean fails, @TempDir Path directory)
			throws IOException {
		Path keyFile = Files.writeString(directory.resolve("prometheus"), "sk-from-a-key-file-0001");
		this.guarded.withConfiguration(prometheusEndpoints())
			.withPropertyValues("management.endpoints.web.exposure.include=prometheus",
					"litellm.metrics-auth.key-files=" + keyFile, property)
			.run((context) -> assertThat(context.getStartupFailure() != null).as(property).isEqualTo(fails));
	}

	@ParameterizedTest
	@ValueSource(strings = { "litellm.metrics-auth.key-files-refresh=0s", "litellm.metrics-auth.key-files-refresh=-1s",
			"litellm.metrics-auth.authenticator-max-in-flight=0", "litellm.metrics-auth.authenticator-max-in-flight=-3",
			"litellm.metrics-auth.authenticator-cache-ttl=-1s", "litellm.metrics-auth.authenticator-timeout=0s",
			"litellm.metrics-auth.authenticator-timeout=-1s" })
	void refusesToStartWithAValueThatCannotWorkWhicheverFeaturesAreOnNamingTheProperty(String property,
			@TempDir Path directory) throws IOException {
		String name = property.substring(0, property.indexOf('='));
		Path keyFile = Files.writeString(directory.resolve("prometheus"), FILE_KEY);
		ReactiveWebApplicationContextRunner contextRunner = this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", property);
		contextRunner.withPropertyValues("litellm.master-key=" + KEY)
			.run((context) -> assertBindingFailed(context, name));
		contextRunner.withPropertyValues("litellm.metrics-auth.key-files=" + keyFile)
			.run((context) -> assertBindingFailed(context, name));
		contextRunner.withBean(ReactiveApiKeyAuthenticator.class, AppKeyStore.of("store", "sk-from-a-store")::reactive)
			.run((context) -> assertBindingFailed(context, name));
	}

	// An empty duration binds to nothing, and a misspelt name is not ours: the defaults
	// apply and the guard stays on (an empty number, or another spelling of a name, is
	// refused above).
	@ParameterizedTest
	@ValueSource(strings = { "litellm.metrics-auth.key-files-refresh=", "litellm.metrics-auth.authenticator-cache-ttl=",
			"litellm.metrics-auth.authenticator-timeout=", "litellm.metrics-auth.authenticator-timout=1ms" })
	void keepsTheDefaultsForAnEmptyOrMisspeltValueAndStaysGuarded(String property) {
		this.guarded.withPropertyValues(property).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MetricsAuthWebFilter.class);
			LiteLlmProperties.MetricsAuth metricsAuth = context.getBean(LiteLlmProperties.class).getMetricsAuth();
			assertThat(metricsAuth.getKeyFilesRefresh()).isEqualTo(Duration.ofSeconds(5));
			assertThat(metricsAuth.getAuthenticatorMaxInFlight()).isEqualTo(32);
			assertThat(metricsAuth.getAuthenticatorCacheTtl()).isEqualTo(Duration.ofSeconds(10));
			assertThat(metricsAuth.getAuthenticatorTimeout()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	/**
	 * Asserts that startup failed binding the given property, and that Spring Boot's
	 * failure analysis, what the application prints as it stops, names it.
	 */
	static void assertBindingFailed(ApplicationContextAssertProvider<?> context, String name) {
		assertThat(context).getFailure().isNotNull();
		assertThat(failureAnalysis(context).getDescription()).as("the failure analysis of %s", name)
			.contains("Property: " + name);
	}

	// What the analyzers registered in spring.factories make of the startup failure.
	private static FailureAnalysis failureAnalysis(ApplicationContextAssertProvider<?> context) {
		return SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, ex) -> {
			}))
			.stream()
			.map((analyzer) -> analyzer.analyze(context.getStartupFailure()))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void doesNotGuardAnActuatorPrometheusEndpointThatIsNotExposed() {
		this.guarded.withConfiguration(prometheusEndpoints())
			.run((context) -> assertThat(statusOf(context, "/actuator/prometheus", null)).isNull());
	}

	@ParameterizedTest
	@CsvSource({ "http-handler, http-handler", "HTTP_HANDLER, http-handler", "http_handler, http-handler",
			"Http-Handler, http-handler", "httpHandler, http-handler", "web-filter, web-filter",
			"WEB_FILTER, web-filter", "web_filter, web-filter", "webFilter, web-filter" })
	void choosesTheAdapterFromEverySpellingThatBindsToIt(String spelling, String adapter, CapturedOutput output) {
		boolean httpHandler = adapter.equals("http-handler");
		this.guarded.withPropertyValues("litellm.metrics-auth.adapter=" + spelling).run((context) -> {
			assertThat(context.getBeansOfType(WebFilter.class).values()).hasSize(httpHandler ? 0 : 1)
				.allMatch(MetricsAuthWebFilter.class::isInstance);
			assertThat(context.getBeansOfType(HttpHandlerDecoratorFactory.class).values()).hasSize(httpHandler ? 1 : 0)
				.allSatisfy((factory) -> assertThat(factory.apply((request, response) -> Mono.empty()))
					.isInstanceOf(MetricsAuthHttpHandlerDecorator.class));
			assertThat(statusOf(context, "/metrics", null)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(output).contains("(" + adapter + " adapter)");
		});
	}

	@Test
	void warnsOfEachShortKeyByNameButNeverShowsIt(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=sk-1234",
					"litellm.metrics-auth.keys=sk-a-long-enough-key-42,sk-short",
					"litellm.metrics-auth.named-keys.grafana=sk-graf")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("litellm.master-key is shorter than 16 characters")
					.contains("litellm.metrics-auth.keys[1] is shorter than 16 characters")
					.contains("litellm.metrics-auth.named-keys.grafana is shorter than 16 characters")
					.doesNotContain("litellm.metrics-auth.keys[0] is shorter")
					.doesNotContain("sk-1234")
					.doesNotContain("sk-short")
					.doesNotContain("sk-graf");
			});
	}

	@Test
	void answersWith503WhenAUserDefinedAuthenticatorTakesTooLong() {
		this.contextRunner.withBean(ReactiveApiKeyAuthenticator.class, () -> (key) -> Mono.never())
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.authenticator-timeout=100ms")
			.run((context) -> assertThat(statusOf(context, "/metrics", "sk-any"))
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
	}

	@Test
	void canSwitchTheAuthenticatorCacheOff() {
		AppKeyStore store = AppKeyStore.of("a", "sk-a");
		this.contextRunner.withBean(ReactiveApiKeyAuthenticator.class, store::reactive)
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true",
					"litellm.metrics-auth.authenticator-cache-ttl=0")
			.run((context) -> {
				assertThat(statusOf(context, "/metrics", "sk-a")).isNull();
				assertThat(statusOf(context, "/metrics", "sk-a")).isNull();
				assertThat(store.lookups()).isEqualTo(2);
			});
	}

	@Test
	void countsAuthenticatorFailuresAsErrors() {
		this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withBean(ReactiveApiKeyAuthenticator.class, () -> (key) -> Mono.error(new IllegalStateException("down")))
			.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true")
			.run((context) -> {
				assertThat(statusOf(context, "/metrics", "sk-a")).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(count(registry, "error", "authenticator_error")).isEqualTo(1);
				assertThat(count(registry, "error", "timeout")).isZero();
			});
	}

	// The status the context's guard, plugged in as configured, set; null if it let the
	// request through.
	private static HttpStatus statusOf(AssertableReactiveWebApplicationContext context, String path, String key) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(path);
		if (key != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
		}
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		MetricsAuthWebFilter filter = context.getBeanProvider(MetricsAuthWebFilter.class).getIfAvailable();
		if (filter != null) {
			filter.filter(exchange, (passed) -> Mono.empty()).block();
		}
		else {
			context.getBean(HttpHandlerDecoratorFactory.class)
				.apply((passedRequest, passedResponse) -> Mono.empty())
				.handle(exchange.getRequest(), exchange.getResponse())
				.block();
		}
		return (HttpStatus) exchange.getResponse().getStatusCode();
	}

	private static String sha256Hex(String key) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The auto-configurations that expose actuator's Prometheus and metrics endpoints, on
	 * whichever Spring Boot generation the tests run: Boot 4 moved Micrometer's
	 * auto-configuration into a module and package of its own. The one place the tests
	 * tell the generations apart.
	 */
	static AutoConfigurations prometheusEndpoints() {
		List<Class<?>> classes = new ArrayList<>(
				List.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class));
		ClassLoader classLoader = MetricsAuthAutoConfigurationTests.class.getClassLoader();
		for (List<String> candidates : MICROMETER_AUTO_CONFIGURATIONS) {
			String present = candidates.stream()
				.filter((name) -> ClassUtils.isPresent(name, classLoader))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("None of " + candidates + " is on the classpath"));
			classes.add(ClassUtils.resolveClassName(present, classLoader));
		}
		return AutoConfigurations.of(classes.toArray(Class<?>[]::new));
	}

	/**
	 * A guard of the application's own, on {@code /custom} only.
	 */
	static MetricsGuard customGuard() {
		return new MetricsGuard(new MetricsPathMatcher(List.of("/custom")),
				new KeyRing(AppKeyStore.keys("own", OWN_KEY)), AuthenticationListener.NONE);
	}

	/**
	 * The same auto-configuration in a Spring MVC (servlet) application.
	 */
	@Nested
	class ServletApplication {

		private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
			.withConfiguration(STARTER);

		private final WebApplicationContextRunner guarded = this.contextRunner.withPropertyValues(SWITCHED_ON);

		@Test
		void registersNothingByDefault() {
			this.contextRunner.withPropertyValues("litellm.master-key=" + KEY)
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(MetricsGuard.class)
					.doesNotHaveBean(FilterRegistrationBean.class));
		}

		@Test
		void registersTheServletFilterForEveryDispatchBeforeSpringSecurityOrInTheConfiguredOrder(
				CapturedOutput output) {
			this.guarded.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MetricsAuthWebFilter.class);
				assertThat(output).contains("Requiring an API key on [/metrics] (servlet-filter adapter)");
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

		// Neither reactive adapter's name changes anything here.
		@ParameterizedTest
		@ValueSource(strings = { "web-filter", "http-handler" })
		void guardsMetricsWithTheMasterKey(String adapter) {
			this.guarded.withPropertyValues("litellm.metrics-auth.adapter=" + adapter).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(statusOf(context, "/metrics", null)).isEqualTo(401);
				assertThat(statusOf(context, "/metrics", "sk-wrong")).isEqualTo(401);
				assertThat(statusOf(context, "/metrics", KEY)).isEqualTo(200);
				assertThat(statusOf(context, "/health", null)).isEqualTo(200);
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
		void asksTheApplicationsKeyStoreOnceForEachKeyNoneOfTheConfiguredKeysIsAndCountsItsNames() {
			AppKeyStore store = AppKeyStore.of("store-master", KEY, "grafana", USER_KEY);
			this.guarded.withBean(SimpleMeterRegistry.class)
				.withBean(ApiKeyAuthenticator.class, () -> store)
				.run((context) -> {
					assertThat(statusOf(context, "/metrics", KEY)).isEqualTo(200);
					assertThat(store.lookups()).isZero();
					for (int i = 0; i < 2; i++) {
						assertThat(statusOf(context, "/metrics", USER_KEY)).isEqualTo(200);
						assertThat(statusOf(context, "/metrics", "sk-unknown")).isEqualTo(401);
					}
					assertThat(store.lookups()).as("one lookup per key within the cache's time to live").isEqualTo(2);
					assertThat(acceptedWith(context.getBean(MeterRegistry.class), "grafana")).isEqualTo(2);
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
				.run((context) -> assertBindingFailed(context, property.substring(0, property.indexOf('='))));
		}

		@Test
		void backsOffToAServletFilterOfTheApplicationsOwn() {
			this.guarded
				.withBean("ownFilter", MetricsAuthServletFilter.class,
						() -> new MetricsAuthServletFilter(customGuard(), null))
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
				return new FilterRegistrationBean<>(new MetricsAuthServletFilter(customGuard(), null));
			}

		}

	}

	/**
	 * A key store of an application's own, as an application writes one: it holds its
	 * keys in a key ring of its own, names each key it accepts, and counts the lookups it
	 * is asked for, so that a test sees which keys reached it. The servlet contract, and
	 * the reactive one through {@link #reactive()}.
	 */
	static final class AppKeyStore implements ApiKeyAuthenticator {

		private final KeyRing keys;

		private final AtomicInteger lookups = new AtomicInteger();

		private final ReactiveApiKeyAuthenticator reactive = (apiKey) -> Mono.justOrEmpty(authenticate(apiKey));

		AppKeyStore(KeyRing keys) {
			this.keys = keys;
		}

		// Each key's name followed by the key.
		static AppKeyStore of(String... namesAndKeys) {
			return new AppKeyStore(new KeyRing(keys(namesAndKeys)));
		}

		static AcceptedKeys keys(String... namesAndKeys) {
			AcceptedKeys.Builder keys = AcceptedKeys.builder();
			for (int i = 0; i < namesAndKeys.length; i += 2) {
				keys.key(namesAndKeys[i], namesAndKeys[i + 1], "test");
			}
			return keys.build();
		}

		@Override
		public @Nullable AuthenticatedKey authenticate(String apiKey) {
			this.lookups.incrementAndGet();
			String name = this.keys.match(apiKey);
			return (name != null) ? new AuthenticatedKey(name) : null;
		}

		// The same object every time.
		ReactiveApiKeyAuthenticator reactive() {
			return this.reactive;
		}

		KeyRing keyRing() {
			return this.keys;
		}

		int lookups() {
			return this.lookups.get();
		}

	}

}
