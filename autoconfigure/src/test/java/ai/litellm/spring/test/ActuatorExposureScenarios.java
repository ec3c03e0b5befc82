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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.web.exchanges.HttpExchange;
import org.springframework.boot.actuate.web.exchanges.HttpExchangeRepository;
import org.springframework.boot.actuate.web.exchanges.InMemoryHttpExchangeRepository;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everything actuator can expose that carries the meters or the keys: the {@code metrics}
 * endpoint needs a key like {@code prometheus}, and {@code env} and {@code configprops},
 * even told to show values, never show a key.
 * <p>
 * The same scenarios for every adapter: a sample app's test implements this interface on
 * a {@code @SpringBootTest} with {@link #MASTER_KEY} as {@code litellm.master-key},
 * {@link #SECOND_KEY} as {@code litellm.metrics-auth.keys[0]}, {@link #ENVIRONMENT_KEY}
 * as {@code LITELLM_MASTER_KEY}, the properties whose values carry keys
 * ({@link #COMMAND_LINE} and the like), the endpoints
 * {@code health,prometheus,metrics,env,configprops,httpexchanges} exposed,
 * {@code show-values=always} on {@code env} and {@code configprops}, and
 * {@link HttpExchangeRecording} imported.
 */
public interface ActuatorExposureScenarios {

	/**
	 * The master key.
	 */
	String MASTER_KEY = "sk-actuator-Mx47-key";

	/**
	 * A further key.
	 */
	String SECOND_KEY = "sk-rotation-Bq93-key";

	/**
	 * A key in the {@code LITELLM_MASTER_KEY} variable.
	 */
	String ENVIRONMENT_KEY = "sk-environment-J2k8-key";

	/**
	 * A key given on the command line, as {@code sun.java.command} shows it.
	 */
	String COMMAND_LINE_KEY = "sk-command-line-Tq52-key";

	/**
	 * A key in {@code SPRING_APPLICATION_JSON}.
	 */
	String APPLICATION_JSON_KEY = "sk-application-json-Wd36-key";

	/**
	 * A key in {@code spring.application.json}.
	 */
	String APPLICATION_JSON_PROPERTY_KEY = "sk-json-property-Hc19-key";

	/**
	 * A key in {@code JAVA_TOOL_OPTIONS}.
	 */
	String TOOL_OPTIONS_KEY = "sk-tool-options-Lp70-key";

	/**
	 * A command line that gives a key, as {@code sun.java.command} shows it: the JVM's
	 * own cannot be changed, so a property of that name stands in for it.
	 */
	String COMMAND_LINE = "sun.java.command=ai.litellm.spring.sample.SampleApplication --server.port=8080 "
			+ "--litellm.master-key=" + COMMAND_LINE_KEY;

	/**
	 * {@code SPRING_APPLICATION_JSON} with a named key, which Spring Boot reads.
	 */
	String APPLICATION_JSON = "SPRING_APPLICATION_JSON={\"litellm\":{\"metrics-auth\":{\"named-keys\":{\"json\":\""
			+ APPLICATION_JSON_KEY + "\"}}}}";

	/**
	 * {@code spring.application.json} with a named key, as {@code -D} gives it.
	 */
	String APPLICATION_JSON_PROPERTY = "spring.application.json={\"litellm.metrics-auth.named-keys.property\":\""
			+ APPLICATION_JSON_PROPERTY_KEY + "\"}";

	/**
	 * {@code JAVA_TOOL_OPTIONS} that set a named key.
	 */
	String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS=-Xss1m -Dlitellm.metrics-auth.named-keys.x=" + TOOL_OPTIONS_KEY;

	/**
	 * Return a client for the server under test.
	 * @return the client
	 */
	RawHttpClient raw();

	/**
	 * Return the port of the server under test.
	 * @return the port
	 */
	int port();

	@Test
	default void asksForAKeyOnTheMetricsEndpointAndEachMeter() {
		for (String target : new String[] { "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
				"/actuator/%6Detrics", "/actuator/metrics?tag=area:heap", "/actuator/metrics;x=y/jvm.memory.used",
				"/actuator/metrics/jvm.memory.used?tag=area:heap" }) {
			RawResponse rejected = raw().send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("jvm.memory.used\"");
		}
		RawResponse served = raw().send("GET", "/actuator/metrics/jvm.memory.used",
				"Authorization: Bearer " + MASTER_KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.head()).as("no shared cache keeps what a key unlocked")
			.containsIgnoringCase("Cache-Control: no-store");
		assertThat(served.body()).contains("\"name\":\"jvm.memory.used\"");
	}

	@Test
	default void acceptsEveryConfiguredKeyOnTheMetricsEndpoint() {
		for (String key : new String[] { MASTER_KEY, SECOND_KEY }) {
			RawResponse served = raw().send("GET", "/actuator/metrics", "x-litellm-api-key: " + key);
			assertThat(served.status()).isEqualTo(200);
			assertThat(served.body()).contains("\"names\"");
		}
	}

	@Test
	default void masksTheKeysInTheEnvEndpoint() {
		RawResponse env = raw().send("GET", "/actuator/env");
		assertThat(env.status()).isEqualTo(200);
		assertThat(env.body()).contains("litellm.master-key")
			.contains("LITELLM_MASTER_KEY")
			.contains("server.port")
			.contains("******");
		assertNoKeyIn(env.body());
		// Tomcat refuses [ and ] in a request target, so the index is percent-encoded.
		for (String property : new String[] { "litellm.master-key", "litellm.metrics-auth.keys%5B0%5D",
				"LITELLM_MASTER_KEY" }) {
			RawResponse one = raw().send("GET", "/actuator/env/" + property);
			assertThat(one.status()).as(property).isEqualTo(200);
			assertNoKeyIn(one.body());
		}
	}

	@Test
	default void masksTheKeysInTheConfigpropsEndpoint() {
		RawResponse configprops = raw().send("GET", "/actuator/configprops");
		assertThat(configprops.status()).isEqualTo(200);
		assertThat(configprops.body()).contains("masterKey").contains("******");
		assertNoKeyIn(configprops.body());
		RawResponse litellm = raw().send("GET", "/actuator/configprops/litellm");
		assertThat(litellm.status()).isEqualTo(200);
		assertNoKeyIn(litellm.body());
	}

	@Test
	default void masksTheKeysInValuesThatCarryThem() {
		String env = get("/actuator/env").body();
		assertThat(env).contains("sun.java.command")
			.contains("SPRING_APPLICATION_JSON")
			.contains("spring.application.json")
			.contains("JAVA_TOOL_OPTIONS");
		assertNoKeyIn(env);
		for (String property : new String[] { "sun.java.command", "SPRING_APPLICATION_JSON", "spring.application.json",
				"JAVA_TOOL_OPTIONS" }) {
			HttpResponse<String> one = get("/actuator/env/" + property);
			assertThat(one.statusCode()).as(property).isEqualTo(200);
			assertThat(one.body()).as(property).contains("******");
			assertNoKeyIn(one.body());
		}
	}

	@Test
	default void keepsTheKeyHeaderOutOfTheRecordedExchanges(ApplicationContext context) {
		HttpExchangeRepository repository = context.getBean(HttpExchangeRepository.class);
		assertThat(repository).as("still the application's repository, in its own type")
			.isInstanceOf(InMemoryHttpExchangeRepository.class)
			.isSameAs(context.getBean(InMemoryHttpExchangeRepository.class));
		String scrape = "/metrics?scrape=" + System.nanoTime();
		String chat = "/health?chat=" + System.nanoTime();
		assertThat(get(scrape, "x-litellm-api-key", MASTER_KEY).statusCode()).isEqualTo(200);
		assertThat(get(chat, "X-LiteLLM-API-Key", "Bearer " + SECOND_KEY).statusCode()).isEqualTo(200);
		assertThat(get("/metrics", "x-litellm-api-key", "sk-wrong-Vn55-key").statusCode()).isEqualTo(401);
		// Recorded once the response is written, so possibly after the client has it.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get("/actuator/httpexchanges").body()).contains(scrape).contains(chat));
		String exchanges = get("/actuator/httpexchanges").body();
		assertThat(exchanges).containsIgnoringCase("user-agent")
			.doesNotContainIgnoringCase("x-litellm-api-key")
			.doesNotContain("sk-wrong-Vn55-key");
		assertNoKeyIn(exchanges);
		for (HttpExchange exchange : repository.findAll()) {
			assertThat(exchange.getRequest().getHeaders().keySet()).as(exchange.getRequest().getUri().toString())
				.noneMatch("x-litellm-api-key"::equalsIgnoreCase);
		}
	}

	private HttpResponse<String> get(String target, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + target))
			.timeout(Duration.ofSeconds(10));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void assertNoKeyIn(String body) {
		assertThat(body).doesNotContain(MASTER_KEY)
			.doesNotContain(SECOND_KEY)
			.doesNotContain(ENVIRONMENT_KEY)
			.doesNotContain(COMMAND_LINE_KEY)
			.doesNotContain(APPLICATION_JSON_KEY)
			.doesNotContain(APPLICATION_JSON_PROPERTY_KEY)
			.doesNotContain(TOOL_OPTIONS_KEY);
	}

	/**
	 * An application's recording of its HTTP exchanges, which actuator serves at
	 * {@code /actuator/httpexchanges}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	class HttpExchangeRecording {

		@Bean
		InMemoryHttpExchangeRepository httpExchangeRepository() {
			return new InMemoryHttpExchangeRepository();
		}

	}

}
