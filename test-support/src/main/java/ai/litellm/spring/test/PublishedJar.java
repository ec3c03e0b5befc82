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

package ai.litellm.spring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import ai.litellm.spring.metrics.MetricsGuard;

import org.springframework.boot.SpringBootVersion;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a compatibility run proves about itself: the application runs on the Spring Boot
 * version the build chose, and the guard was loaded from the published jar, byte for byte
 * the one built once, not from classes compiled for this generation.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class PublishedJar {

	private PublishedJar() {
	}

	public static void assertGuardRunsFromThePublishedJar() throws Exception {
		assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("litellm.spring-boot.version"));
		Path jar = Path.of(MetricsGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(jar.getFileName().toString()).startsWith("litellm-spring-boot-").endsWith(".jar");
		String expectedSha256 = System.getProperty("litellm.published-jar.sha256");
		if (StringUtils.hasText(expectedSha256)) {
			assertThat(sha256(jar)).as("SHA-256 of %s", jar).isEqualTo(expectedSha256);
		}
	}

	private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
