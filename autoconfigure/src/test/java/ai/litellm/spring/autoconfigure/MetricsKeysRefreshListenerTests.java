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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.litellm.spring.autoconfigure.MetricsAuthAutoConfigurationTests.AppKeyStore;
import ai.litellm.spring.metrics.AcceptedKeys;
import ai.litellm.spring.metrics.KeyRing;
import ai.litellm.spring.metrics.reactive.ReactiveApiKeyAuthenticator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.environment.EnvironmentManager;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsKeysRefreshListener}: keys configured as properties follow
 * Spring Cloud's {@link EnvironmentChangeEvent}, published here by Spring Cloud's own
 * {@link EnvironmentManager} (what a {@code POST /actuator/env} uses), as a Config Server
 * or Vault refresh publishes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MetricsKeysRefreshListenerTests {

	private static final String OLD_KEY = "sk-refresh-old-Hd62-key";

	private static final String NEW_KEY = "sk-refresh-new-Tc09-key";

	private static final String FILE_KEY = "sk-refresh-file-Wr35-key";

	private static final String USER_KEY = "user-key-from-the-apps-store-0001";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MetricsAuthAutoConfiguration.class, MetricsAuthSafeguardsAutoConfiguration.class))
		.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + OLD_KEY);

	@Test
	void followsAChangedMasterKeyWithoutARestart() {
		this.contextRunner.run((context) -> {
			KeyRing keys = context.getBean(KeyRing.class);
			assertThat(keys.match(OLD_KEY)).isEqualTo("master");
			change(context, "litellm.master-key", NEW_KEY);
			assertThat(keys.match(NEW_KEY)).isEqualTo("master");
			assertThat(keys.match(OLD_KEY)).isNull();
		});
	}

	@Test
	void followsANamedKeyAddedInAnotherSpelling() {
		this.contextRunner.run((context) -> {
			KeyRing keys = context.getBean(KeyRing.class);
			change(context, "litellm.metricsAuth.namedKeys.grafana", NEW_KEY);
			assertThat(keys.match(NEW_KEY)).isEqualTo("grafana");
			assertThat(keys.match(OLD_KEY)).isEqualTo("master");
		});
	}

	@Test
	void startsTheAcceptedSeriesOfAKeyAddedAtRunTimeAtZero() {
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			change(context, "litellm.metrics-auth.named-keys.loki", NEW_KEY);
			assertThat(context.getBean(MeterRegistry.class)
				.get("litellm.metrics.auth")
				.tag("outcome", "accepted")
				.tag("key", "loki")
				.counter()
				.count()).isZero();
		});
	}

	@Test
	void warnsOfAShortKeyChangedAtRunTimeByNameButNeverShowsIt(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			change(context, "litellm.metrics-auth.named-keys.grafana", "sk-Rt4");
			assertThat(context.getBean(KeyRing.class).match("sk-Rt4")).isEqualTo("grafana");
			assertThat(output).contains("litellm.metrics-auth.named-keys.grafana is shorter than 16 characters")
				.doesNotContain("sk-Rt4");
		});
	}

	@Test
	void keepsOnlyTheLastGoodKeyOfAnUnusableValueAndAppliesEveryOtherChange(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("litellm.metrics-auth.keys[0]=" + FILE_KEY, "litellm.metrics-auth.keys[1]=" + USER_KEY)
			.run((context) -> {
				KeyRing keys = context.getBean(KeyRing.class);
				changeAll(context,
						Map.of("litellm.master-key", "sk-with a-space-Qm40", "litellm.metrics-auth.keys[0]", NEW_KEY));
				assertThat(keys.match(OLD_KEY)).as("the unusable value keeps its key").isEqualTo("master");
				assertThat(keys.match("sk-with a-space-Qm40")).isNull();
				assertThat(keys.match(NEW_KEY)).isEqualTo("unnamed");
				assertThat(keys.match(FILE_KEY)).as("removed while another value is unusable").isNull();
				assertThat(keys.match(USER_KEY)).as("removed while another value is unusable").isNull();
				assertThat(output).contains("litellm.master-key")
					.contains("keeping the last good key of each, and applying every other change")
					.doesNotContain("sk-with a-space-Qm40");
			});
	}

	@Test
	void acceptsNoKeyOnceAChangeLeavesNone(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			KeyRing keys = context.getBean(KeyRing.class);
			change(context, "litellm.master-key", "");
			assertThat(keys.match(OLD_KEY)).isNull();
			assertThat(keys.getKeys().size()).isZero();
			assertThat(output).contains("no key is accepted now, and every metrics request is answered 401");
		});
	}

	@Test
	void keepsTheKeyFilesKeysBesideTheChangedProperties(@TempDir Path directory) throws IOException {
		Path keyFile = Files.writeString(directory.resolve("scraper"), FILE_KEY);
		this.contextRunner
			.withPropertyValues("litellm.metrics-auth.key-files=" + keyFile,
					"litellm.metrics-auth.key-files-refresh=1h")
			.run((context) -> {
				KeyRing keys = context.getBean(KeyRing.class);
				change(context, "litellm.master-key", NEW_KEY);
				assertThat(keys.match(FILE_KEY)).isEqualTo("scraper");
				assertThat(keys.match(NEW_KEY)).isEqualTo("master");
				assertThat(keys.match(OLD_KEY)).isNull();
				keys.reload();
				assertThat(keys.match(NEW_KEY)).as("a later reading of the files keeps the new key")
					.isEqualTo("master");
				assertThat(keys.match(OLD_KEY)).isNull();
			});
	}

	@Test
	void warnsOfAChangeThatOnlyARestartApplies(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			KeyRing keys = context.getBean(KeyRing.class);
			change(context, "litellm.metrics-auth.paths[0]", "/internal/metrics");
			assertThat(output).contains("[litellm.metrics-auth.paths[0]]")
				.contains("restart the application to apply the rest");
			change(context, "litellm.metrics-auth.key-files[0]", "/run/secrets/metrics-key");
			assertThat(output).contains("[litellm.metrics-auth.key-files[0]]");
			assertThat(keys.match(OLD_KEY)).isEqualTo("master");
		});
	}

	@Test
	void ignoresChangesToOtherProperties(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			change(context, "server.shutdown", "graceful");
			assertThat(output).doesNotContain("changed at run time");
		});
	}

	@Test
	void actsOnlyOnTheStartersOwnKeysNeverOnTheApplicationsKeyStore() {
		AppKeyStore store = AppKeyStore.of("user", USER_KEY);
		AcceptedKeys storesKeys = store.keyRing().getKeys();
		this.contextRunner.withBean("userKeyRing", KeyRing.class, store::keyRing)
			.withBean("userKeyStore", ReactiveApiKeyAuthenticator.class, store::reactive)
			.run((context) -> {
				change(context, "litellm.master-key", NEW_KEY);
				assertThat(context.getBean("metricsKeyRing", KeyRing.class).match(NEW_KEY)).isEqualTo("master");
				assertThat(context.getBean("userKeyStore")).isSameAs(store.reactive());
				assertThat(context.getBean("userKeyRing")).isSameAs(store.keyRing());
				assertThat(store.keyRing().getKeys()).isSameAs(storesKeys);
				assertThat(store.keyRing().match(USER_KEY)).isEqualTo("user");
				assertThat(store.keyRing().match(NEW_KEY)).isNull();
				assertThat(store.lookups()).isZero();
			});
	}

	@Test
	void registersNoListenerWithoutSpringCloud() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MetricsKeysRefreshListener.class));
	}

	// Several properties in one event, as a Config Server refresh publishes them.
	private static void changeAll(AssertableReactiveWebApplicationContext context, Map<String, Object> properties) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("refreshed", properties));
		context.publishEvent(new EnvironmentChangeEvent(context, properties.keySet()));
	}

	private static void change(AssertableReactiveWebApplicationContext context, String name, String value) {
		EnvironmentManager environmentManager = new EnvironmentManager(context.getEnvironment());
		environmentManager.setApplicationEventPublisher(context);
		environmentManager.setProperty(name, value);
	}

}
