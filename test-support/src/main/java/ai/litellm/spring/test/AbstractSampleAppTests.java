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
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.litellm.spring.metrics.MetricsPathMatcher;
import ai.litellm.spring.test.AbstractRouterEquivalenceTests.Exchange;
import ai.litellm.spring.test.AbstractRouterEquivalenceTests.Request;
import ai.litellm.spring.test.RawHttpClient.RawResponse;
import ai.litellm.spring.test.SampleAppFixture.SampleApp;
import ai.litellm.spring.test.SampleAppFixture.SampleApp.Prefix;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.web.exchanges.HttpExchange;
import org.springframework.boot.actuate.web.exchanges.HttpExchangeRepository;
import org.springframework.boot.actuate.web.exchanges.InMemoryHttpExchangeRepository;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour both sample apps share, run once per way a stack runs its app (adapter or
 * container): a subclass passes its {@link SampleApp}, and each nested class is one
 * fixture. A compatibility run also proves here which Spring Boot and which jar it ran.
 *
 * @author LiteLLM Spring Boot contributors
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractSampleAppTests {

	private final SampleApp sampleApp;

	protected AbstractSampleAppTests(SampleApp sampleApp) {
		this.sampleApp = sampleApp;
	}

	@Test
	void runsTheGuardFromThePublishedJarOnTheChosenSpringBoot() throws Exception {
		PublishedJar.assertGuardRunsFromThePublishedJar();
	}

	/**
	 * The sample app's promises with the guard on, through a real server: health and chat
	 * completions are open, the metrics are served to the key in every form a scraper
	 * sends it and refused otherwise in LiteLLM's error shape, credentials as an attacker
	 * sends them never get through or into the log, and rejections are counted.
	 */
	@Nested
	class GuardedApp extends SampleAppFixture {

		private static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

		private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0;q=0.9,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

		GuardedApp() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "Authorization: Bearer wrong", "x-litellm-api-key: " })
		void servesHealthWhateverCredentialsAreSent(String credentials) {
			RawResponse health = send("GET", "/health", credentials);
			assertThat(health.status()).isEqualTo(200);
			assertThat(header(health, "Content-Type")).singleElement().asString().startsWith("text/plain");
			assertThat(health.body()).isEqualTo("ok");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "Authorization: Basic !!" })
		void servesChatCompletionsWithAndWithoutAKey(String credentials) {
			String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
			RawResponse completion = raw().exchange(("POST /chat/completions HTTP/1.1\r\nHost: localhost\r\n"
					+ (credentials.isEmpty() ? "" : credentials + "\r\n") + "Content-Type: application/json\r\n"
					+ "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
				.getBytes(StandardCharsets.UTF_8));
			assertThat(completion.status()).isEqualTo(200);
			assertThat(header(completion, "Content-Type")).singleElement().asString().startsWith("application/json");
			assertThat(new JsonContent(completion.body())).extractingPath("$.object").isEqualTo("chat.completion");
			assertThat(new JsonContent(completion.body())).extractingPath("$.choices[0].message.role")
				.isEqualTo("assistant");
		}

		// Also what shows that the attacks below are meaningful.
		@ParameterizedTest
		@ValueSource(strings = { "Authorization: Bearer " + KEY, "Authorization: bearer " + KEY,
				"Authorization: BEARER " + KEY, "Authorization: BeArEr " + KEY, "AUTHORIZATION: bearer " + KEY,
				"Authorization: Bearer\t" + KEY, "Authorization: Basic cHJvbWV0aGV1czpzay1zYW1wbGUtWng4MS1rZXk=",
				"Authorization: Basic OnNrLXNhbXBsZS1aeDgxLWtleQ==", "x-litellm-api-key: " + KEY,
				"x-litellm-api-key: Bearer " + KEY, "x-litellm-api-key: bearer " + KEY,
				"X-LiteLLM-API-Key: Bearer " + KEY, "x-litellm-api-key: " + KEY + "\r\nAuthorization: Bearer wrong",
				"Authorization: Bearer " + KEY + "\r\nAccept: text/plain;version=0.0.4;q=1,*/*;q=0.1" })
		void servesPrometheusTextToTheKeyInEveryFormAndLogsNoKey(String credentials, CapturedOutput output) {
			assertMetricsServed(send("GET", "/metrics", credentials));
			assertThat(output).doesNotContain(KEY);
		}

		@Test
		void servesOpenMetricsWhenTheScraperAsksForIt() {
			RawResponse metrics = send("GET", "/metrics", bearer(), "Accept: " + OPEN_METRICS);
			assertThat(metrics.status()).isEqualTo(200);
			assertThat(header(metrics, "Content-Type")).singleElement()
				.asString()
				.startsWith("application/openmetrics-text");
			assertThat(metrics.body()).contains("# TYPE jvm_").endsWith("# EOF\n");
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				textBlock = """
						GET     | /metrics             |                                        | no API key was provided
						POST    | /metrics             |                                        | no API key was provided
						PUT     | /metrics             |                                        | no API key was provided
						DELETE  | /metrics             |                                        | no API key was provided
						PATCH   | /metrics             |                                        | no API key was provided
						OPTIONS | /metrics             |                                        | no API key was provided
						GET     | /actuator/prometheus |                                        | no API key was provided
						GET     | /metrics             | Authorization: Bearer sk-wrong         | the API key is invalid
						GET     | /metrics             | Authorization: Bearer sk-sample-Zx81-keyx | the API key is invalid
						GET     | /metrics             | Authorization: Bearer sk-sample-zx81-key | the API key is invalid
						GET     | /metrics             | Authorization: Bearer sk-sample-Zx81-ke | the API key is invalid
						GET     | /metrics             | Authorization: Basic c2stc2FtcGxlLVp4ODEta2V5OnNrLXdyb25n | the API key is invalid
						GET     | /metrics             | Authorization: <empty>                 | the credentials are malformed
						GET     | /metrics             | Authorization: Bearer                  | the credentials are malformed
						GET     | /metrics             | Authorization: Token sk-sample-Zx81-key | the credentials are malformed
						GET     | /metrics             | Authorization: Basic not-base64!       | the credentials are malformed
						GET     | /metrics             | Authorization: sk-sample-Zx81-key      | the credentials are malformed
						GET     | /metrics             | x-litellm-api-key: Basic sk-sample-Zx81-key | the credentials are malformed
						""")
		void rejectsMetricsInLiteLlmsErrorShape(String method, String target, String credentials, String reason,
				CapturedOutput output) {
			RawResponse rejected = send(method, target,
					(credentials != null) ? credentials.replace("<empty>", "") : "");
			assertThat(rejected.status()).isEqualTo(401);
			assertThat(header(rejected, "Content-Type")).containsExactly("application/json");
			assertThat(header(rejected, "Cache-Control")).containsExactly("no-store");
			assertThat(header(rejected, "WWW-Authenticate")).containsExactly("Bearer realm=\"metrics\"",
					"Basic realm=\"metrics\", charset=\"UTF-8\"");
			assertThat(rejected.body()).doesNotContain(KEY);
			assertThat(new JsonContent(rejected.body())).isStrictlyEqualTo(
					"""
							{"error":{"message":"Unauthorized access to metrics endpoint: %s. To allow unauthenticated access, \
							set litellm.require-auth-for-metrics-endpoint=false.","type":"auth_error","param":null,"code":"401"}}"""
						.formatted(reason));
			assertThat(output).doesNotContain(KEY);
		}

		@Test
		void rejectsAWrongLiteLlmHeaderEvenIfAuthorizationIsRight() {
			RawResponse rejected = send("GET", "/metrics", "x-litellm-api-key: sk-wrong", bearer());
			assertThat(rejected.status()).isEqualTo(401);
			assertThat(rejected.body()).contains("the API key is invalid");
		}

		@Test
		void rejectsHeadOnMetricsWithoutABody() {
			RawResponse head = send("HEAD", "/metrics", "");
			assertThat(head.status()).isEqualTo(401);
			assertThat(header(head, "Cache-Control")).containsExactly("no-store");
			assertThat(head.body()).isEmpty();
		}

		@Test
		void servesTheActuatorPrometheusEndpointToTheKeyAndLeavesItsHealthOpen() {
			RawResponse metrics = send("GET", "/actuator/prometheus", bearer());
			assertThat(metrics.status()).isEqualTo(200);
			assertThat(header(metrics, "Cache-Control")).containsExactly("no-store");
			assertThat(metrics.body()).contains("# TYPE jvm_");
			RawResponse health = send("GET", "/actuator/health", "");
			assertThat(health.status()).isEqualTo(200);
			// Tomcat sends it in chunks, which the raw client does not join.
			assertThat(health.body()).contains("\"status\":\"UP\"");
		}

		@Test
		void countsARejectedScrapeInTheNextAuthorisedScrape() {
			double before = rejectedWithoutKey(send("GET", "/metrics", bearer()).body());
			assertThat(send("GET", "/metrics", "").status()).isEqualTo(401);
			assertThat(rejectedWithoutKey(send("GET", "/metrics", bearer()).body())).isEqualTo(before + 1);
		}

		@Test
		void rejectsEveryBadCredentialAndLogsNoKey(CapturedOutput output) {
			List<String> failures = new ArrayList<>();
			int refusedByTheServer = 0;
			for (List<String> headers : attacks()) {
				RawResponse response = send("GET", "/metrics", headers.toArray(String[]::new));
				// A server refuses a header it cannot parse or one over its 8 KiB limit
				// before any filter runs, and may reset the connection while an oversized
				// request is still being sent.
				boolean refusedEarly = response.status() == 400 || response.status() == 431
						|| (response == RawResponse.CLOSED_WITHOUT_RESPONSE
								&& headers.stream().mapToInt(String::length).sum() > 8192);
				refusedByTheServer += refusedEarly ? 1 : 0;
				String request = headers.toString().substring(0, Math.min(200, headers.toString().length()));
				if (response.status() != 401 && !refusedEarly) {
					failures.add(request + " -> " + response.status());
				}
				if (response.body().contains("# TYPE")) {
					failures.add(request + " -> metrics served");
				}
			}
			System.out.printf("Credential attacks (%s): %d cases, %d refused before the guard%n", getClass().getName(),
					attacks().size(), refusedByTheServer);
			assertThat(failures).isEmpty();
			// Tomcat would quote a header line it cannot parse, key and all, at INFO; the
			// sample app, as docs/spring-mvc.md advises, logs that class at WARN only.
			assertThat(output).doesNotContain(KEY).doesNotContain(base64("prometheus:" + KEY));
		}

		static List<List<String>> attacks() {
			String prefix = KEY.substring(0, KEY.length() - 1);
			List<List<String>> attacks = new ArrayList<>();
			for (String authorization : List.of("", " ", "\t", "Bearer", "Bearer ", "Bearer  ", "Bearer " + prefix,
					"Bearer " + KEY + "x", "Bearer " + KEY + " x", "Bearer x" + KEY,
					"Bearer " + KEY.toUpperCase(Locale.ROOT), "Bearer " + KEY.toLowerCase(Locale.ROOT),
					"Bearer \"" + KEY + "\"", "Bearer " + KEY + ",", "Bearer=" + KEY, "Bearer:" + KEY, "Bearer" + KEY,
					KEY, "Token " + KEY, "Digest " + KEY, "ApiKey " + KEY, "Negotiate " + KEY, "Basic", "Basic ",
					"Basic " + KEY, "Basic ***", "Basic a", "Basic ====", "Basic " + base64(KEY),
					"Basic " + base64("prometheus:"), "Basic " + base64("prometheus:" + prefix),
					"Basic " + base64(KEY + ":x"), "Basic " + base64("prometheus:" + KEY + "\u0000"),
					"Basic " + base64("prometheus: " + KEY + "x"), "Bearer " + KEY + "\u00e9",
					"Bearer " + KEY.replace('k', '\u212a'), "Bearer \u00ff\u00fe", "Bearer " + KEY + "\u0001",
					"Bearer \u007f" + KEY, "Bearer " + "k".repeat(7_000), "Bearer " + "k".repeat(20_000),
					"Bearer " + "k".repeat(70_000))) {
				attacks.add(List.of("Authorization: " + authorization));
			}
			attacks.add(List.of("Authorization: Bearer " + KEY, "Authorization: Bearer " + KEY));
			attacks.add(List.of("Authorization: Bearer wrong", "Authorization: Bearer " + KEY));
			attacks.add(List.of("Authorization: Bearer " + KEY, "Authorization: Bearer wrong"));
			attacks.add(List.of("x-litellm-api-key: wrong", "Authorization: Bearer " + KEY));
			attacks.add(List.of("x-litellm-api-key: ", "Authorization: Bearer " + KEY));
			attacks.add(List.of("x-litellm-api-key: Bearer", "Authorization: Bearer " + KEY));
			attacks.add(List.of("x-litellm-api-key: Basic " + base64("prometheus:" + KEY)));
			attacks.add(List.of("x-litellm-api-key: " + KEY, "x-litellm-api-key: " + KEY));
			attacks.add(List.of("x-litellm-api-key: " + prefix));
			attacks.add(List.of("x-litellm-api-key: " + "k".repeat(20_000)));
			attacks.add(List.of("x-litellm-api-key: " + KEY + "\u0000"));
			attacks.add(List.of("Authorization : Bearer " + KEY));
			attacks.add(List.of("Authorization: Bearer " + KEY.substring(0, 4), " " + KEY.substring(4)));
			attacks.add(List.of("Proxy-Authorization: Bearer " + KEY));
			// The key's bytes with one made invalid UTF-8: once decoded leniently, such
			// passwords became one U+FFFD key.
			byte[] invalidUtf8 = ("prometheus:" + KEY).getBytes(StandardCharsets.UTF_8);
			invalidUtf8[invalidUtf8.length - 1] = (byte) 0xC3;
			attacks.add(List.of("Authorization: Basic " + Base64.getEncoder().encodeToString(invalidUtf8)));
			attacks.add(List.of("Authorization: Basic " + Base64.getEncoder()
				.encodeToString("prometheus:sk-\u00ff".getBytes(StandardCharsets.ISO_8859_1))));
			attacks.add(List.of("Cookie: x-litellm-api-key=" + KEY));
			attacks.add(List.of("X-Forwarded-Prefix: /metrics-open", "X-Original-URL: /health"));
			return attacks;
		}

		private RawHttpClient raw() {
			return raw(guarded());
		}

		private RawResponse send(String method, String target, String... headers) {
			return raw().send(method, target,
					List.of(headers).stream().filter((h) -> !h.isEmpty()).toArray(String[]::new));
		}

		private static String bearer() {
			return "Authorization: Bearer " + KEY;
		}

		static void assertMetricsServed(RawResponse response) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(header(response, "Cache-Control")).as("no shared cache keeps what a key unlocked")
				.containsExactly("no-store");
			assertThat(header(response, "Content-Type")).singleElement()
				.satisfies((type) -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase(PROMETHEUS_TEXT));
			assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge").doesNotContain("# EOF");
		}

		static List<String> header(RawResponse response, String name) {
			return response.head()
				.lines()
				.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map((line) -> line.substring(name.length() + 1).strip())
				.toList();
		}

		private static double rejectedWithoutKey(String scrape) {
			Matcher matcher = Pattern.compile(
					"^litellm_metrics_auth_total\\{key=\"none\",outcome=\"rejected\",reason=\"missing_key\"} (\\S+)$",
					Pattern.MULTILINE)
				.matcher(scrape);
			assertThat(matcher.find()).as("rejection counter in %s", scrape).isTrue();
			return Double.parseDouble(matcher.group(1));
		}

		static String base64(String value) {
			return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
		}

	}

	/**
	 * The guard follows the router: an application that routes case-insensitively has its
	 * {@code /METRICS} guarded, and under each prefix the application can put its paths
	 * under, every spelling the app without the guard serves as metrics gets the guard's
	 * 401.
	 */
	@Nested
	class Routing extends SampleAppFixture {

		private static final String[] CASES = { "/METRICS", "/Metrics", "/mEtRiCs", "/%4Detrics", "/METRICS;x=y" };

		Routing() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

		@Test
		void asksForAKeyOnEveryCaseOfMetricsTheRouterServes() {
			Class<?>[] routing = { this.sampleApp.caseInsensitiveRouting() };
			RawHttpClient open = raw(app(routing, "litellm.require-auth-for-metrics-endpoint=false"));
			RawHttpClient guarded = raw(app(routing, "litellm.master-key=" + KEY));
			for (String target : CASES) {
				assertThat(open.send("GET", target).body()).as("%s without the guard", target).contains("# TYPE jvm_");
				guarded.assertGuarded(target, KEY);
			}
		}

		@ParameterizedTest
		@MethodSource("prefixes")
		void guardsMetricsBelowThePrefix(Prefix prefix) {
			RawHttpClient guarded = raw(guarded(prefix.settings()));
			guarded.assertGuarded(prefix.path() + "/metrics", KEY);
			guarded.assertGuarded(prefix.path() + "/actuator/prometheus", KEY);
			for (String target : new String[] { "/%6Detrics;v=1", "/metrics;x=y", "/actuator/%70rometheus",
					"/actuator;x=y/prometheus" }) {
				RawResponse rejected = guarded.send("GET", prefix.path() + target);
				assertThat(rejected.status()).as(prefix.path() + target).isEqualTo(401);
				assertThat(rejected.body()).doesNotContain("# TYPE");
			}
		}

		@ParameterizedTest
		@MethodSource("prefixes")
		void leavesOtherPathsBelowThePrefixOpen(Prefix prefix) {
			RawHttpClient guarded = raw(guarded(prefix.settings()));
			assertThat(guarded.send("GET", prefix.path() + "/health").body()).isEqualTo("ok");
			assertThat(guarded.send("GET", prefix.path() + "/actuator/health").status()).isEqualTo(200);
			assertThat(guarded.send("GET", "/metrics").status()).as("nothing is served outside the prefix")
				.isEqualTo(404);
		}

		@ParameterizedTest
		@MethodSource("prefixes")
		void neverServesMetricsWhenThePrefixCarriesMatrixParameters(Prefix prefix) {
			RawResponse response = raw(guarded(prefix.settings())).send("GET", prefix.path() + ";x=y/metrics");
			assertThat(response.status()).isEqualTo(this.sampleApp.statusOfAPathThatEndsAPrefixInsideASegment());
			assertThat(response.body()).doesNotContain("# TYPE");
		}

		@ParameterizedTest
		@MethodSource("prefixes")
		void rejectsEverySpellingTheUnguardedAppServesAsMetricsBelowThePrefix(Prefix prefix) {
			Set<String> spellings = this.sampleApp
				.spellings(List.of(prefix.path() + "/metrics", prefix.path() + "/actuator/prometheus"));
			// Not closed before the others: closing a WebFlux app disposes Reactor
			// Netty's global event loops, which every app in this JVM shares.
			RawHttpClient unguarded = raw(app(new Class<?>[0],
					Stream
						.concat(Stream.of("litellm.require-auth-for-metrics-endpoint=false"),
								Stream.of(prefix.settings()))
						.toArray(String[]::new)));
			List<Exchange> exchanges = AbstractRouterEquivalenceTests.survey(unguarded, raw(guarded(prefix.settings())),
					AbstractRouterEquivalenceTests.METHODS, spellings);
			List<Exchange> served = exchanges.stream().filter(Exchange::servedByTheRouter).toList();
			System.out.printf("Router survey (%s, prefix %s): %d requests, %d served as metrics without the guard%n",
					this.sampleApp, prefix, exchanges.size(), served.size());
			assertThat(served).extracting(Exchange::request)
				.as("served as metrics without the guard")
				.contains(new Request("GET", prefix.path() + "/metrics"),
						new Request("GET", prefix.path() + "/actuator/prometheus"));
			assertThat(exchanges).filteredOn((exchange) -> AbstractRouterEquivalenceTests.isMetrics(exchange.guarded()))
				.as("served as metrics by the guarded app")
				.isEmpty();
			// Spring itself fails some spellings of the prefix with a 500 (such as
			// //api/metrics: "Invalid contextPath"), with or without the guard; the guard
			// must add none.
			assertThat(exchanges)
				.filteredOn((exchange) -> AbstractRouterEquivalenceTests.isServerError(exchange.guarded())
						&& !AbstractRouterEquivalenceTests.isServerError(exchange.unguarded()))
				.as("answered by the guarded app only with a 5xx or not at all")
				.isEmpty();
			assertThat(served).filteredOn((exchange) -> exchange.guarded().status() != 401)
				.as("served as metrics without the guard and not answered 401 by the guarded app")
				.isEmpty();
		}

		List<Prefix> prefixes() {
			return this.sampleApp.prefixes();
		}

	}

	/**
	 * The application's own key store ({@link MisbehavingKeyStore}) through a real
	 * server.
	 */
	@Nested
	class KeyStore extends SampleAppFixture {

		private static final Duration FLOOD = Duration.ofSeconds(20);

		private static final int FLOODERS = 40;

		private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);

		private static final String SCRAPER_KEY = "sk-slow-scraper-key-0001";

		KeyStore() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

		private ConfigurableApplicationContext failing() {
			return app(new Class<?>[] { MisbehavingKeyStore.class }, "litellm.metrics-auth.authenticator-timeout=1s",
					"litellm.metrics-auth.authenticator-max-in-flight=4",
					"litellm.metrics-auth.authenticator-cache-ttl=0");
		}

		@BeforeEach
		void resetTheKeyStore() {
			failing().getBean(MisbehavingKeyStore.class).reset();
		}

		// sk-slow-: the store is slow but within the timeout.
		@ParameterizedTest
		@CsvSource({ "sk-good-key-0001, 200", "sk-slow-key-0001, 200", "sk-bad-key-0001, 401" })
		void servesTheMetricsOnlyToAKeyTheStoreAccepts(String key, int status) {
			RawResponse response = raw(failing()).send("GET", "/metrics", "Authorization: Bearer " + key);
			assertThat(response.status()).isEqualTo(status);
			assertThat(response.body()).contains((status == 200) ? "# TYPE jvm_" : "\"type\":\"auth_error\"");
			assertThat(response.body().contains("# TYPE")).as("metrics served").isEqualTo(status == 200);
		}

		@ParameterizedTest
		@ValueSource(strings = { "sk-throw-key-0001", "sk-error-key-0001", "sk-never-key-0001", "sk-slower-key-001" })
		void answersAStoreThatCannotAnswerWithA503(String key, CapturedOutput output) {
			double errorsBefore = counted(failing(), "outcome", "error");
			long start = System.nanoTime();
			RawResponse response = raw(failing()).send("GET", "/metrics", "x-litellm-api-key: " + key);
			// A bound, not a timing: the store stalls for 3 s or forever, the timeout is
			// 1 s.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer")
				.isLessThan(Duration.ofSeconds(3));
			assertThat(response.status()).isEqualTo(503);
			assertThat(response.head()).containsIgnoringCase("Retry-After: 5")
				.containsIgnoringCase("Cache-Control: no-store")
				.containsIgnoringCase("Content-Type: application/json");
			assertThat(response.body()).contains("\"type\":\"auth_unavailable\"")
				.contains("\"code\":\"503\"")
				.doesNotContain(key)
				.doesNotContain("key store")
				.doesNotContain("Exception");
			assertThat(counted(failing(), "outcome", "error")).isEqualTo(errorsBefore + 1);
			assertThat(output).doesNotContain(key).doesNotContain("key store is down");
		}

		@Test
		void warnsWithTheExceptionTypeOnlyAndAtMostOnceInTenSeconds(CapturedOutput output) {
			for (int i = 0; i < 5; i++) {
				assertThat(
						raw(failing()).send("GET", "/metrics", "Authorization: Bearer sk-error-key-000" + i).status())
					.isEqualTo(503);
			}
			String log = output.toString();
			int warnings = log.split("Answered a metrics request with 503", -1).length - 1;
			assertThat(warnings).isBetween(0, 1);
			assertThat(log).doesNotContain("sk-error-key").doesNotContain("key store is down");
		}

		@Test
		void boundsTheLookupsInFlightUnderAFloodOfRandomKeys() throws Exception {
			int requests = 120;
			Map<Integer, Integer> statuses = new TreeMap<>();
			ExecutorService clients = Executors.newFixedThreadPool(24);
			try {
				List<CompletableFuture<RawResponse>> responses = new ArrayList<>();
				for (int i = 0; i < requests; i++) {
					String key = "sk-flood-" + UUID.randomUUID();
					responses.add(CompletableFuture.supplyAsync(
							() -> raw(failing()).send("GET", "/metrics", "Authorization: Bearer " + key), clients));
				}
				for (CompletableFuture<RawResponse> response : responses) {
					statuses.merge(response.get(30, TimeUnit.SECONDS).status(), 1, Integer::sum);
				}
			}
			finally {
				clients.shutdownNow();
			}
			assertThat(failing().getBean(MisbehavingKeyStore.class).maxInFlight()).as("lookups in flight at once")
				.isBetween(1, 4);
			assertThat(statuses.keySet()).as("statuses %s", statuses).containsOnly(401, 503);
			assertThat(statuses.get(503)).as("excess answered without a lookup").isPositive();
			assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests);
		}

		@Test
		@Tag("load")
		void servesAScraperWithAKeyOfTheStoreThroughAFloodOfRandomKeys() throws Exception {
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
			ConfigurableApplicationContext app = app(new Class<?>[] { MisbehavingKeyStore.class });
			URI metrics = URI.create("http://127.0.0.1:" + port(app) + "/metrics");
			assertThat(send(client, metrics, SCRAPER_KEY).body()).as("the scrape before the flood")
				.contains("# TYPE jvm_");
			double rejectedBefore = counted(app, "outcome", "rejected");
			double errorsBefore = counted(app, "outcome", "error");
			long firstScrape = System.nanoTime();
			long end = firstScrape + FLOOD.toNanos();
			Map<String, LongAdder> flood = new ConcurrentHashMap<>();
			List<String> scrapes = new ArrayList<>();
			long lastScrape = firstScrape;
			ExecutorService flooders = Executors.newFixedThreadPool(FLOODERS);
			try {
				for (int i = 0; i < FLOODERS; i++) {
					flooders.execute(() -> {
						while (System.nanoTime() - end < 0) {
							String outcome = outcome(client, metrics, "sk-flood-" + UUID.randomUUID());
							flood.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
						}
					});
				}
				while (System.nanoTime() + SCRAPE_INTERVAL.toNanos() - end < 0) {
					Thread.sleep(SCRAPE_INTERVAL.toMillis());
					lastScrape = System.nanoTime();
					HttpResponse<String> scrape = send(client, metrics, SCRAPER_KEY);
					scrapes
						.add(scrape.statusCode() + (scrape.body().contains("# TYPE jvm_") ? "" : " without metrics"));
				}
			}
			finally {
				flooders.shutdown();
			}
			assertThat(flooders.awaitTermination(60, TimeUnit.SECONDS)).as("the flood ended").isTrue();
			Map<String, Long> floodOutcomes = new TreeMap<>();
			flood.forEach((outcome, count) -> floodOutcomes.put(outcome, count.sum()));
			Map<String, Double> counted = Map.of("rejected", counted(app, "outcome", "rejected") - rejectedBefore,
					"error", counted(app, "outcome", "error") - errorsBefore);
			System.out.printf("Key store flood (%s): %d scrapes %s, flood of %d requests %s, counted %s%n",
					getClass().getName(), scrapes.size(), scrapes,
					floodOutcomes.values().stream().mapToLong(Long::longValue).sum(), floodOutcomes, counted);
			assertThat(Duration.ofNanos(lastScrape - firstScrape)).as("the last scrape came after the answer expired")
				.isGreaterThan(Duration.ofSeconds(10));
			assertThat(scrapes).as("scrapes during the flood").hasSizeGreaterThanOrEqualTo(5).containsOnly("200");
			// Boot 3.5's Reactor Netty has lost one request in tens of thousands on a
			// quiet machine, and two in eleven thousand on a loaded one, before any
			// filter saw it (the counts below show the guard answered all it received);
			// more than one in two thousand, or anything else, fails.
			long lost = floodOutcomes.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().contains("HttpTimeoutException"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			assertThat(lost).as("flood requests never answered")
				.isLessThanOrEqualTo(floodOutcomes.values().stream().mapToLong(Long::longValue).sum() / 2_000);
			assertThat(floodOutcomes.keySet()).as("outcomes of the flood")
				.allMatch((outcome) -> outcome.equals("401") || outcome.equals("503")
						|| outcome.contains("HttpTimeoutException"));
			assertThat(counted).as("outcomes counted during the flood")
				.containsEntry("rejected", (double) floodOutcomes.get("401"))
				.containsEntry("error", (double) floodOutcomes.get("503"));
		}

		// Generous: on a loaded two-core machine a flooded server can be slow to answer,
		// and only a request that hangs is a failure. The server answers within the key
		// check's timeout (5 s) once it reads a request.
		private static HttpResponse<String> send(HttpClient client, URI uri, String key) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer " + key)
				.timeout(Duration.ofSeconds(30))
				.build();
			return client.send(request, BodyHandlers.ofString());
		}

		private static String outcome(HttpClient client, URI uri, String key) {
			try {
				return String.valueOf(send(client, uri, key).statusCode());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "interrupted";
			}
			catch (Exception ex) {
				return "failed: " + ex;
			}
		}

	}

	/**
	 * Everything actuator can expose that carries the meters or the keys: the
	 * {@code metrics} endpoint needs a key like {@code prometheus}; {@code env},
	 * {@code configprops} and the recorded HTTP exchanges, even told to show values,
	 * never show a key; and with actuator on its own port, its Prometheus endpoint is
	 * guarded there and the main port stays guarded too.
	 */
	@Nested
	class Actuator extends SampleAppFixture {

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

		Actuator() {
			super(AbstractSampleAppTests.this.sampleApp);
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
			// Tomcat refuses [ and ] in a request target, so the index is
			// percent-encoded.
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
			raw(managed()).assertGuarded("/metrics", KEY);
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

	/**
	 * What stops the sample app from starting, through a real {@code SpringApplication}
	 * with everything Spring Boot reads from {@code spring.factories}: no key, a switch
	 * that is neither true nor false, a key property that fails to bind (reported without
	 * its value), the starter's auto-configurations excluded, or an application's own
	 * path matcher that leaves a guarded path open.
	 */
	@Nested
	class StartupFailure extends SampleAppFixture {

		private static final String MISPLACED_KEY = "sk-secret-misplaced-Rk63-key";

		StartupFailure() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

		@Test
		void refusesToStartAndNamesThePropertyToSet(CapturedOutput output) {
			// Command-line arguments outrank a LITELLM_MASTER_KEY set in the real
			// environment.
			assertFailsToStart("LITELLM_MASTER_KEY=", "litellm.master-key=");
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("litellm.master-key")
				.contains("LITELLM_MASTER_KEY");
		}

		@ParameterizedTest
		@ValueSource(strings = { "litellm.metrics-auth.named-keys", "litellm.metrics-auth.keys[0].grafana",
				"litellm.metrics-auth.key-hashes[0].x" })
		void reportsAKeyPropertyThatFailsToBindWithoutItsValue(String property, CapturedOutput output) {
			assertFailsToStart("litellm.master-key=" + KEY, property + "=" + MISPLACED_KEY);
			assertThat(output).contains("APPLICATION FAILED TO START")
				.doesNotContain(MISPLACED_KEY)
				.doesNotContain(KEY)
				.contains("metrics key property '" + property.replaceFirst("\\[.*", "") + "'")
				.contains("its value is not shown");
		}

		// A switch that is neither true nor false, a property that is not a key and fails
		// to bind (reported as Spring Boot does), the starter's auto-configurations
		// excluded.
		@ParameterizedTest
		@CsvSource(delimiter = '|',
				textBlock = """
						litellm.require-auth-for-metrics-endpoint=on   | Invalid value 'on' for 'litellm.require-auth-for-metrics-endpoint'   | only true or false
						litellm.require-auth-for-metrics-endpoint=yes  | Invalid value 'yes' for 'litellm.require-auth-for-metrics-endpoint'  | only true or false
						litellm.require-auth-for-metrics-endpoint=1    | Invalid value '1' for 'litellm.require-auth-for-metrics-endpoint'    | only true or false
						litellm.require-auth-for-metrics-endpoint=ture | Invalid value 'ture' for 'litellm.require-auth-for-metrics-endpoint' | only true or false
						litellm.metrics-auth.authenticator-timeout=soon | litellm.metrics-auth.authenticator-timeout | "soon"
						spring.autoconfigure.exclude=ai.litellm.spring.autoconfigure.MetricsAuthAutoConfiguration,ai.litellm.spring.autoconfigure.MetricsAuthSafeguardsAutoConfiguration | no metrics guard ( | adapter) is registered
						""")
		void refusesToStartAndSaysWhy(String setting, String reason, String detail, CapturedOutput output) {
			assertFailsToStart("litellm.master-key=" + KEY, setting);
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains(reason)
				.contains(detail)
				.doesNotContain(KEY);
		}

		@Test
		void refusesToStartWhenAnOwnPathMatcherLeavesAGuardedPathOpen(CapturedOutput output) {
			assertFailsToStart(new Class<?>[] { OwnPathMatcher.class }, "litellm.master-key=" + KEY,
					"litellm.metrics-auth.paths=/metrics,/internal/metrics");
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("does not guard [/internal/metrics, /actuator/prometheus]")
				.doesNotContain(KEY);
		}

		private void assertFailsToStart(String... args) {
			assertFailsToStart(new Class<?>[0], args);
		}

		private void assertFailsToStart(Class<?>[] moreSources, String... args) {
			assertThatException().isThrownBy(() -> start(moreSources, args).close());
		}

		/**
		 * An application's own path matcher that "adds a path" and so drops the guarded
		 * ones it does not name.
		 */
		@TestConfiguration(proxyBeanMethods = false)
		static class OwnPathMatcher {

			@Bean
			MetricsPathMatcher metricsPathMatcher() {
				return new MetricsPathMatcher(List.of("/metrics", "/custom"));
			}

		}

	}

	@Nested
	class Server extends ServerTests {

		Server() {
			super(AbstractSampleAppTests.this.sampleApp);
		}

	}

	/**
	 * What depends on the server's own threads and connections, so runs on every
	 * container and adapter: a key store lookup that blocks past the timeout (3 s against
	 * 500 ms) is answered with a 503 when the timeout fires, however the lookup is
	 * written; a mixed load of health checks, chat completions and scrapes with good,
	 * missing, wrong and malformed keys gets exactly the expected answers; and a real
	 * Prometheus ({@link PrometheusServer}) scrapes with the key as a Bearer token or
	 * Basic password and marks a wrong key's target down with a 401. A stack runs these
	 * alone on its other containers.
	 */
	public abstract static class ServerTests extends SampleAppFixture {

		private static final Map<String, String> HEALTH_BY_JOB = Map.of("bearer", "up", "basic", "up", "actuator-basic",
				"up", "wrong-key", "down");

		protected ServerTests(SampleApp sampleApp) {
			super(sampleApp);
		}

		private ConfigurableApplicationContext blocking() {
			return app(new Class<?>[] { MisbehavingKeyStore.class },
					"litellm.metrics-auth.authenticator-timeout=500ms");
		}

		@Test
		void answersLookupsThatBlockPastTheTimeoutWithA503WellBeforeTheyEnd(TestInfo test) throws Exception {
			// A first lookup, so that the times measure the timeout, not a cold start.
			assertThat(raw(blocking()).send("GET", "/metrics", "Authorization: Bearer sk-good-warm-up-key").status())
				.isEqualTo(200);
			double timeoutsBefore = counted(blocking(), "outcome", "error", "reason", "timeout");
			int requests = 4;
			List<CompletableFuture<Duration>> answers = new ArrayList<>();
			ExecutorService clients = Executors.newFixedThreadPool(requests);
			try {
				for (int i = 0; i < requests; i++) {
					String key = "sk-blocking-key-000" + i;
					answers.add(CompletableFuture.supplyAsync(() -> timeToA503(key), clients));
				}
				List<Duration> times = new ArrayList<>();
				for (CompletableFuture<Duration> answer : answers) {
					times.add(answer.get(30, TimeUnit.SECONDS));
				}
				System.out.printf("Lookups blocking for 3 s, timeout 500 ms (%s %s): answered 503 after %s%n",
						test.getTestClass().map(Class::getName).orElse(""), test.getDisplayName(),
						times.stream().map((time) -> time.toMillis() + " ms").toList());
				assertThat(times).as("times to answer")
					.allSatisfy((time) -> assertThat(time).isLessThan(Duration.ofSeconds(2)));
			}
			finally {
				clients.shutdownNow();
			}
			assertThat(counted(blocking(), "outcome", "error", "reason", "timeout")).as("timeouts counted")
				.isEqualTo(timeoutsBefore + requests);
		}

		private Duration timeToA503(String key) {
			long start = System.nanoTime();
			RawResponse response = raw(blocking()).send("GET", "/metrics", "Authorization: Bearer " + key);
			Duration time = Duration.ofNanos(System.nanoTime() - start);
			assertThat(response.status()).as("status with %s", key).isEqualTo(503);
			assertThat(response.body()).contains("\"type\":\"auth_unavailable\"").doesNotContain("# TYPE");
			return time;
		}

		// A bounded load on loopback: 10,000 requests, 64 in flight, each kind equally
		// often.
		@Test
		@Tag("load")
		void answersEveryRequestOfAMixedLoadAsExpected() throws Exception {
			String basic = Base64.getEncoder().encodeToString(("prometheus:" + KEY).getBytes(StandardCharsets.UTF_8));
			Predicate<String> metrics = (body) -> body.contains("# TYPE jvm_");
			Predicate<String> rejected = (body) -> body.contains("\"auth_error\"") && !body.contains("# TYPE");
			Predicate<String> ok = "ok"::equals;
			List<LoadKind> kinds = List.of(new LoadKind("health", "/health", null, null, 200, ok),
					new LoadKind("chat", "/chat/completions", null, "{\"model\":\"m\",\"messages\":[]}", 200,
							(body) -> body.contains("chat.completion")),
					new LoadKind("bearer", "/metrics", "Bearer " + KEY, null, 200, metrics),
					new LoadKind("basic", "/metrics", "Basic " + basic, null, 200, metrics),
					new LoadKind("no-key", "/metrics", null, null, 401, rejected),
					new LoadKind("wrong-key", "/actuator/prometheus", "Bearer sk-wrong", null, 401, rejected),
					new LoadKind("malformed", "/metrics", "Basic %%%", null, 401, rejected),
					new LoadKind("health-with-bad-key", "/health", "Bearer sk-wrong", null, 200, ok));
			int port = port(guarded());
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
			Semaphore inFlight = new Semaphore(64);
			Map<String, Long> counts = new ConcurrentHashMap<>();
			List<CompletableFuture<Void>> requests = new ArrayList<>();
			for (int i = 0; i < 10_000; i++) {
				LoadKind kind = kinds.get(i % kinds.size());
				inFlight.acquire();
				requests
					.add(client.sendAsync(kind.request(port), BodyHandlers.ofString()).handle((response, failure) -> {
						inFlight.release();
						String outcome = (failure != null) ? kind.name() + " failed: " + failure : kind.name() + " "
								+ response.statusCode() + (kind.expected().test(response.body()) ? "" : " unexpected");
						counts.merge(outcome, 1L, Long::sum);
						return null;
					}));
			}
			CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
			System.out.printf("Mixed load (%s): %s%n", getClass().getName(), new TreeMap<>(counts));
			Map<String, Long> expected = new TreeMap<>();
			kinds.forEach((kind) -> expected.put(kind.name() + " " + kind.status(), 10_000L / kinds.size()));
			assertThat(counts).isEqualTo(expected);
		}

		@Test
		void isScrapedByPrometheusWithTheKeyAndMarkedDownWithAWrongOne(@TempDir Path directory) throws Exception {
			String target = "127.0.0.1:" + port(guarded());
			try (PrometheusServer prometheus = PrometheusServer.start(directory, """
					global:
					  scrape_interval: 1s
					  scrape_timeout: 1s
					scrape_configs:
					  - job_name: bearer
					    authorization: {type: Bearer, credentials: '%1$s'}
					    static_configs: [{targets: ['%3$s']}]
					  - job_name: basic
					    basic_auth: {username: prometheus, password: '%1$s'}
					    static_configs: [{targets: ['%3$s']}]
					  - job_name: actuator-basic
					    metrics_path: /actuator/prometheus
					    basic_auth: {username: prometheus, password: '%1$s'}
					    static_configs: [{targets: ['%3$s']}]
					  - job_name: wrong-key
					    authorization: {type: Bearer, credentials: '%2$s'}
					    static_configs: [{targets: ['%3$s']}]
					""".formatted(KEY, "sk-sample-wrong-key", target))) {
				// Waits until every target shows the expected health, so that one slow
				// first scrape on a busy machine does not fail the build.
				DocumentContext targets = prometheus.await("/api/v1/targets",
						(answer) -> byJob(answer, "activeTargets", "labels", "health").equals(HEALTH_BY_JOB),
						Duration.ofSeconds(60));
				try {
					List<Map<String, Object>> active = targets.read("$.data.activeTargets[*]");
					assertThat(active).hasSize(4);
					for (Map<String, Object> job : active) {
						boolean wrongKey = "wrong-key".equals(JsonPath.read(job, "$.labels.job"));
						assertThat(job.get("health")).as("health of %s", job).isEqualTo(wrongKey ? "down" : "up");
						assertThat(String.valueOf(job.get("lastError"))).as("last error of %s", job)
							.matches(wrongKey ? ".*401.*" : "");
					}
					DocumentContext up = prometheus.await("/api/v1/query?query=up",
							(answer) -> byJob(answer, "result", "metric", "value[1]")
								.equals(Map.of("bearer", "1", "basic", "1", "actuator-basic", "1", "wrong-key", "0")),
							Duration.ofSeconds(60));
					assertThat(byJob(up, "result", "metric", "value[1]")).as("up by job in %s", up.jsonString())
						.isEqualTo(Map.of("bearer", "1", "basic", "1", "actuator-basic", "1", "wrong-key", "0"));
				}
				catch (AssertionError failure) {
					throw prometheus.failure(String.valueOf(failure.getMessage()), failure);
				}
			}
		}

		private static Map<String, String> byJob(DocumentContext answer, String list, String labels, String value) {
			Map<String, String> byJob = new TreeMap<>();
			List<Map<String, Object>> entries = answer.read("$.data." + list + "[*]");
			for (Map<String, Object> entry : entries) {
				byJob.put(JsonPath.read(entry, "$." + labels + ".job"),
						String.valueOf((Object) JsonPath.read(entry, "$." + value)));
			}
			return byJob;
		}

		private record LoadKind(String name, String path, @Nullable String authorization, @Nullable String body,
				int status, Predicate<String> expected) {

			HttpRequest request(int port) {
				HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + this.path))
					.timeout(Duration.ofSeconds(30));
				if (this.authorization != null) {
					builder.header("Authorization", this.authorization);
				}
				if (this.body != null) {
					builder.header("Content-Type", "application/json").POST(BodyPublishers.ofString(this.body));
				}
				return builder.build();
			}

		}

	}

}
