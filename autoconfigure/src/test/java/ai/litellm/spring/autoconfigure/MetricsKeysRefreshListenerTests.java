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

import ai.litellm.spring.metrics.ApiKeyAuthenticator;
import ai.litellm.spring.metrics.DigestApiKeyAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.environment.EnvironmentManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MetricsAuthAutoConfiguration.class, MetricsAuthSafeguardsAutoConfiguration.class))
		.withPropertyValues("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + OLD_KEY);

	@Test
	void followsAChangedMasterKeyWithoutARestart() {
		this.contextRunner.run((context) -> {
			DigestApiKeyAuthenticator authenticator = context.getBean(DigestApiKeyAuthenticator.class);
			assertThat(authenticator.matches(OLD_KEY)).isTrue();
			change(context, "litellm.master-key", NEW_KEY);
			assertThat(authenticator.matches(NEW_KEY)).isTrue();
			assertThat(authenticator.matches(OLD_KEY)).isFalse();
		});
	}

	@Test
	void followsANamedKeyAddedInAnotherSpelling() {
		this.contextRunner.run((context) -> {
			DigestApiKeyAuthenticator authenticator = context.getBean(DigestApiKeyAuthenticator.class);
			change(context, "litellm.metricsAuth.namedKeys.grafana", NEW_KEY);
			assertThat(authenticator.identify(NEW_KEY).block()).isEqualTo("grafana");
			assertThat(authenticator.identify(OLD_KEY).block()).isEqualTo("master");
		});
	}

	@Test
	void keepsTheLastGoodSetWhenAChangedKeyIsUnusable(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			DigestApiKeyAuthenticator authenticator = context.getBean(DigestApiKeyAuthenticator.class);
			change(context, "litellm.master-key", "sk-with a-space-Qm40");
			assertThat(authenticator.matches(OLD_KEY)).isTrue();
			assertThat(authenticator.matches("sk-with a-space-Qm40")).isFalse();
			assertThat(output).contains("litellm.master-key")
				.contains("keeping the last good set of 1 keys")
				.doesNotContain("sk-with a-space-Qm40");
		});
	}

	@Test
	void keepsTheLastGoodSetWhenNoKeyIsLeft(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			DigestApiKeyAuthenticator authenticator = context.getBean(DigestApiKeyAuthenticator.class);
			change(context, "litellm.master-key", "");
			assertThat(authenticator.matches(OLD_KEY)).isTrue();
			assertThat(output).contains("no key is left; keeping the last good set of 1 keys");
		});
	}

	@Test
	void keepsTheKeyFilesKeysBesideTheChangedProperties(@TempDir Path directory) throws IOException {
		Path keyFile = Files.writeString(directory.resolve("scraper"), FILE_KEY);
		this.contextRunner
			.withPropertyValues("litellm.metrics-auth.key-files=" + keyFile,
					"litellm.metrics-auth.key-files-refresh=1h")
			.run((context) -> {
				DigestApiKeyAuthenticator authenticator = context.getBean(DigestApiKeyAuthenticator.class);
				change(context, "litellm.master-key", NEW_KEY);
				assertThat(authenticator.matches(FILE_KEY)).isTrue();
				assertThat(authenticator.matches(NEW_KEY)).isTrue();
				assertThat(authenticator.matches(OLD_KEY)).isFalse();
				context.getBean(KeyFilesReloader.class).reload();
				assertThat(authenticator.matches(NEW_KEY)).as("a later reading of the files keeps the new key")
					.isTrue();
				assertThat(authenticator.matches(OLD_KEY)).isFalse();
			});
	}

	@Test
	void warnsOfAChangeThatOnlyARestartApplies(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			DigestApiKeyAuthenticator authenticator = context.getBean(DigestApiKeyAuthenticator.class);
			change(context, "litellm.metrics-auth.paths[0]", "/internal/metrics");
			assertThat(output).contains("[litellm.metrics-auth.paths[0]]")
				.contains("restart the application to apply the rest");
			assertThat(authenticator.matches(OLD_KEY)).isTrue();
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
	void leavesAnAuthenticatorOfTheApplicationsOwnAlone(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(OwnAuthenticatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DigestApiKeyAuthenticator.class);
			change(context, "litellm.master-key", NEW_KEY);
			assertThat(output).doesNotContain("changed at run time").doesNotContain("Reloaded");
		});
	}

	@Test
	void registersNoListenerWithoutSpringCloud() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MetricsKeysRefreshListener.class));
	}

	private static void change(AssertableReactiveWebApplicationContext context, String name, String value) {
		EnvironmentManager environmentManager = new EnvironmentManager(context.getEnvironment());
		environmentManager.setApplicationEventPublisher(context);
		environmentManager.setProperty(name, value);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnAuthenticatorConfiguration {

		@Bean
		ApiKeyAuthenticator keyStore() {
			return (key) -> Mono.just(Boolean.FALSE);
		}

	}

}
