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
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata the annotation processors generate, read from the built jar as IDEs and
 * Spring Boot's tooling read it: a build that loses an annotation processor fails here.
 */
class ConfigurationMetadataIT {

	@Test
	void describesEveryPropertyWithItsDefault() throws IOException {
		DocumentContext metadata = JsonPath.parse(read("META-INF/spring-configuration-metadata.json"));
		List<Map<String, Object>> properties = metadata.read("$.properties[?(@.name =~ /litellm\\..*/)]");
		assertThat(properties).extracting((property) -> property.get("name"))
			.containsExactlyInAnyOrder("litellm.require-auth-for-metrics-endpoint", "litellm.master-key",
					"litellm.metrics-auth.paths", "litellm.metrics-auth.keys", "litellm.metrics-auth.key-hashes",
					"litellm.metrics-auth.adapter", "litellm.metrics-auth.filter-order",
					"litellm.metrics-auth.actuator-endpoints", "litellm.metrics-auth.authenticator-timeout",
					"litellm.metrics-auth.authenticator-max-in-flight", "litellm.metrics-auth.authenticator-cache-ttl",
					"litellm.metrics-auth.named-keys", "litellm.metrics-auth.key-files",
					"litellm.metrics-auth.key-files-refresh");
		assertThat(properties).allSatisfy((property) -> assertThat(property.get("description")).asString()
			.as("description of %s", property.get("name"))
			.isNotBlank()
			.endsWith("."));
		assertThat(properties).filteredOn((property) -> "java.lang.Boolean".equals(property.get("type")))
			.isNotEmpty()
			.allSatisfy((property) -> assertThat(property.get("description")).asString().startsWith("Whether"));
		Map<String, Object> defaults = new HashMap<>();
		properties.stream()
			.filter((property) -> property.containsKey("defaultValue"))
			.forEach((property) -> defaults.put((String) property.get("name"), property.get("defaultValue")));
		assertThat(defaults).containsEntry("litellm.require-auth-for-metrics-endpoint", false)
			.containsEntry("litellm.metrics-auth.adapter", "web-filter")
			.containsEntry("litellm.metrics-auth.filter-order", -1000)
			.containsEntry("litellm.metrics-auth.paths", List.of("/metrics"))
			.containsEntry("litellm.metrics-auth.actuator-endpoints", List.of("prometheus", "metrics"))
			.containsEntry("litellm.metrics-auth.authenticator-timeout", "5s")
			.containsEntry("litellm.metrics-auth.authenticator-max-in-flight", 32)
			.containsEntry("litellm.metrics-auth.authenticator-cache-ttl", "10s")
			.containsEntry("litellm.metrics-auth.key-files-refresh", "5s");
	}

	@Test
	void hintsTheAdapterValues() throws IOException {
		DocumentContext metadata = JsonPath.parse(read("META-INF/spring-configuration-metadata.json"));
		List<String> values = metadata.read("$.hints[?(@.name == 'litellm.metrics-auth.adapter')].values[*].value");
		assertThat(values).containsExactly("web-filter", "http-handler");
	}

	@Test
	void describesTheAutoConfigurationsConditionsForFastStartup() throws IOException {
		Properties metadata = new Properties();
		metadata.load(new StringReader(read("META-INF/spring-autoconfigure-metadata.properties")));
		String autoConfiguration = MetricsAuthAutoConfiguration.class.getName();
		assertThat(metadata).containsKey(autoConfiguration + ".ConditionalOnWebApplication")
			.containsKey(autoConfiguration + ".AutoConfigureAfter");
	}

	private static String read(String entryName) throws IOException {
		String jar = System.getProperty("litellm.jar");
		assertThat(jar).as("path of the built jar (system property litellm.jar)").isNotBlank();
		try (ZipFile zip = new ZipFile(jar)) {
			ZipEntry entry = zip.getEntry(entryName);
			assertThat(entry).as("%s in %s", entryName, jar).isNotNull();
			try (InputStream in = zip.getInputStream(entry)) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
	}

}
