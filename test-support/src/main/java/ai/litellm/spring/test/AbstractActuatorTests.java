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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everything actuator can expose that carries the meters or the keys: the {@code metrics}
 * endpoint needs a key like {@code prometheus}; {@code env}, {@code configprops} and the
 * recorded HTTP exchanges, even told to show values, never show a key; and with actuator
 * on its own port, its Prometheus endpoint is guarded there and the main port stays
 * guarded too.
 *
 * @author LiteLLM Spring Boot contributors
 */
public abstract class AbstractActuatorTests extends SampleAppFixture {

	private static final String MASTER_KEY = "sk-actuator-Mx47-key";

	private static final String SECOND_KEY = "sk-rotation-Bq93-key";

	private static final String ENVIRONMENT_KEY = "sk-environment-J2k8-key";

	private static final String COMMAND_LINE_KEY = "sk-command-line-Tq52-key";

	private static final String APPLICATION_JSON_KEY = "sk-application-json-Wd36-key";

	private static final String APPLICATION_JSON_PROPERTY_KEY = "sk-json-property-Hc19-key";

	private static final String TOOL_OPTIONS_KEY = "sk-tool-options-Lp70-key";

	private static final String COMMAND_LINE = "sun.java.command=ai.litellm.spring.sample.SampleApplication --server.port=8080 "
			+ "--litellm.master-key=" + COMMAND_LINE_KEY;

	private static final String APPLICATION_JSON = "SPRING_APPLICATION_JSON={\"litellm\":{\"metrics-auth\":{\"named-keys\":{\"json\":\""
			+ APPLICATION_JSON_KEY + "\"}}}}";

	private static final String APPLICATION_JSON_PROPERTY = "spring.application.json={\"litellm.metrics-auth.named-keys.property\":\""
			+ APPLICATION_JSON_PROPERTY_KEY + "\"}";

	private static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS=-Xss1m -Dlitellm.metrics-auth.named-keys.x="
			+ TOOL_OPTIONS_KEY;

	protected AbstractActuatorTests(SampleApp sampleApp) {
		super(sampleApp);
	}

	private ConfigurableApplicationContext exposing() {
		return app(new Class<?>[] { HttpExchangeRecording.class }, "litellm.master-key=" + MASTER_KEY,
				"litellm.metrics-auth.keys[0]=" + SECOND_KEY, "LITELLM_MASTER_KEY=" + ENVIRONMENT_KEY, COMMAND_LINE,
				APPLICATION_JSON, APPLICATION_JSON_PROPERTY, TOOL_OPTIONS,
				"management.endpoints.web.exposure.include=health,prometheus,metrics,env,configprops,httpexchanges",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");
	}

	private ConfigurableApplicationContext managed() {
		return guarded("management.server.port=0", "management.server.base-path=/manage");
	}

	private RawHttpClient management() {
		return new RawHttpClient(
				managed().getEnvironment().getRequiredProperty("local.management.port", Integer.class));
	}

	@Test
	void asksForAKeyOnTheMetricsEndpointAndEachMeter() {
		for (String target : new String[] { "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
				"/actuator/%6Detrics", "/actuator/metrics?tag=area:heap", "/actuator/metrics;x=y/jvm.memory.used",
				"/actuator/metrics/jvm.memory.used?tag=area:heap" }) {
			RawResponse rejected = raw(exposing()).send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("jvm.memory.used\"");
		}
		RawResponse served = raw(exposing()).send("GET", "/actuator/metrics/jvm.memory.used",
				"Authorization: Bearer " + MASTER_KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.head()).as("no shared cache keeps what a key unlocked")
			.containsIgnoringCase("Cache-Control: no-store");
		assertThat(served.body()).contains("\"name\":\"jvm.memory.used\"");
	}

	@Test
	void acceptsEveryConfiguredKeyOnTheMetricsEndpoint() {
		for (String key : new String[] { MASTER_KEY, SECOND_KEY }) {
			RawResponse served = raw(exposing()).send("GET", "/actuator/metrics", "x-litellm-api-key: " + key);
			assertThat(served.status()).isEqualTo(200);
			assertThat(served.body()).contains("\"names\"");
		}
	}

	@Test
	void masksTheKeysAndTheValuesThatCarryThemInTheEnvEndpoint() throws Exception {
		HttpResponse<String> env = get("/actuator/env");
		assertThat(env.statusCode()).isEqualTo(200);
		assertThat(env.body()).contains("litellm.master-key", "LITELLM_MASTER_KEY", "server.port", "******",
				"sun.java.command", "SPRING_APPLICATION_JSON", "spring.application.json", "JAVA_TOOL_OPTIONS");
		assertNoKeyIn(env.body());
		// Tomcat refuses [ and ] in a request target, so the index is percent-encoded.
		for (String property : new String[] { "litellm.master-key", "litellm.metrics-auth.keys%5B0%5D",
				"LITELLM_MASTER_KEY", "sun.java.command", "SPRING_APPLICATION_JSON", "spring.application.json",
				"JAVA_TOOL_OPTIONS" }) {
			HttpResponse<String> one = get("/actuator/env/" + property);
			assertThat(one.statusCode()).as(property).isEqualTo(200);
			assertThat(one.body()).as(property).contains("******");
			assertNoKeyIn(one.body());
		}
	}

	@Test
	void masksTheKeysInTheConfigpropsEndpoint() throws Exception {
		HttpResponse<String> configprops = get("/actuator/configprops");
		assertThat(configprops.statusCode()).isEqualTo(200);
		assertThat(configprops.body()).contains("masterKey").contains("******");
		assertNoKeyIn(configprops.body());
		HttpResponse<String> litellm = get("/actuator/configprops/litellm");
		assertThat(litellm.statusCode()).isEqualTo(200);
		assertNoKeyIn(litellm.body());
	}

	@Test
	void keepsTheKeyHeaderOutOfTheRecordedExchanges() throws Exception {
		ApplicationContext context = exposing();
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

	// Unlike the raw client, joins the chunks Tomcat sends, so that no key is split.
	private HttpResponse<String> get(String target, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port(exposing()) + target))
			.timeout(Duration.ofSeconds(10));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request.build(), BodyHandlers.ofString());
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

	@Test
	void guardsThePrometheusEndpointOnTheManagementPortAndLeavesItsHealthOpen() {
		management().assertGuarded("/manage/actuator/prometheus", KEY);
		assertThat(management().send("GET", "/manage/actuator/health").status()).isEqualTo(200);
		for (String target : new String[] { "/manage/actuator/%70rometheus", "/manage/actuator;x/prometheus",
				"/manage/actuator/prometheus;x=y" }) {
			RawResponse rejected = management().send("GET", target);
			assertThat(rejected.status()).as(target).isEqualTo(401);
			assertThat(rejected.body()).doesNotContain("# TYPE");
		}
	}

	@Test
	void neverServesAPathThatEndsTheBasePathInsideASegment() {
		RawResponse response = management().send("GET", "/manage;x=y/actuator/prometheus");
		assertThat(response.status()).isEqualTo(this.sampleApp.statusOfAPathThatEndsAPrefixInsideASegment());
		assertThat(response.body()).doesNotContain("# TYPE");
	}

	@Test
	void stillGuardsMetricsOnTheMainPort() {
		assertThat(raw(managed()).send("GET", "/metrics").status()).isEqualTo(401);
		assertThat(raw(managed()).send("GET", "/metrics", "Authorization: Bearer " + KEY).body())
			.contains("# TYPE jvm_");
		RawResponse notServedHere = raw(managed()).send("GET", "/actuator/prometheus");
		assertThat(notServedHere.status()).as("the path is guarded on both ports").isEqualTo(401);
		assertThat(raw(managed()).send("GET", "/actuator/prometheus", "Authorization: Bearer " + KEY).status())
			.as("actuator is not on the main port")
			.isEqualTo(404);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HttpExchangeRecording {

		@Bean
		InMemoryHttpExchangeRepository httpExchangeRepository() {
			return new InMemoryHttpExchangeRepository();
		}

	}

}
