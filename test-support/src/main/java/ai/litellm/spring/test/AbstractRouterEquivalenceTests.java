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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import ai.litellm.spring.test.RawHttpClient.RawResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard against the router, in one {@link Setting} of a stack: spellings of the
 * metrics paths are sent byte for byte to the sample app without the guard, to see which
 * ones the container and the framework serve as metrics, and to the guarded app, where
 * each of those must be the guard's 401 and is served to the right key. Its survey of
 * both apps serves other fixtures too.
 *
 * @author LiteLLM Spring Boot contributors
 */
public abstract class AbstractRouterEquivalenceTests extends SampleAppFixture {

	/**
	 * The methods the router-equivalence tests send every spelling with.
	 */
	public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS", "PUT");

	private static final Set<String> OTHER_SPELLINGS = MetricsPathSpellings.of(List.of("/health", "/files/a%2Fb.pdf"));

	private final Setting setting;

	private List<Exchange> exchanges = List.of();

	private List<Exchange> others = List.of();

	protected AbstractRouterEquivalenceTests(Setting setting) {
		super(setting.app());
		this.setting = setting;
	}

	@BeforeAll
	void sendEverySpellingToTheAppWithAndWithoutTheGuard() {
		long start = System.nanoTime();
		RawHttpClient unguarded = client("litellm.require-auth-for-metrics-endpoint=false");
		this.exchanges = survey(unguarded, guarded(), this.setting.methods(), this.setting.targets());
		this.others = survey(unguarded, guarded(), List.of("GET"), this.setting.otherTargets());
		List<Exchange> served = servedByTheRouter();
		long rejected = served.stream().filter(Exchange::rejectedByTheGuard).count();
		System.out.printf(
				"Router equivalence (%s): %d spellings x %d methods, %d served as metrics by the router, "
						+ "%d of them 401 with the guard; %d other requests; %d ms%n",
				this.setting, this.setting.targets().size(), this.setting.methods().size(), served.size(), rejected,
				this.others.size(), (System.nanoTime() - start) / 1_000_000);
	}

	@Test
	void sendsManySpellingsTheRouterServesAsMetrics() {
		assertThat(this.setting.spellings()).hasSizeGreaterThan(50);
		assertThat(this.exchanges).hasSize(this.setting.targets().size() * this.setting.methods().size());
		assertThat(servedByTheRouter()).isNotEmpty();
	}

	@Test
	void routesWhatTheSettingIsKnownToRouteToTheMetrics() {
		assertThat(servedByTheRouter()).extracting(Exchange::request)
			.as("requests served as metrics by the app without the guard")
			.containsAll(this.setting.routedToMetrics().stream().map((target) -> new Request("GET", target)).toList());
	}

	@Test
	void rejectsEveryRequestTheRouterServesAsMetricsWithTheGuards401() {
		assertThat(servedByTheRouter()).filteredOn((exchange) -> !exchange.rejectedByTheGuard())
			.as("requests the router serves as metrics that the guard does not reject")
			.isEmpty();
	}

	@Test
	void neverServesMetricsWithoutAKey() {
		assertThat(this.exchanges).filteredOn((exchange) -> isMetrics(exchange.guarded()))
			.as("requests served as metrics by the guarded app without a key")
			.isEmpty();
	}

	@Test
	void answersEveryRequestWithoutAServerErrorOrADroppedConnection() {
		assertThat(this.exchanges).filteredOn((exchange) -> isServerError(exchange.guarded()))
			.as("requests the guarded app answers with a 5xx or not at all")
			.isEmpty();
	}

	@Test
	void servesEveryRequestTheRouterServesAsMetricsToTheRightKey() {
		RawHttpClient guarded = guarded();
		List<String> refused = new ArrayList<>();
		for (Exchange exchange : servedByTheRouter()) {
			Request request = exchange.request();
			RawResponse withKey = guarded.send(request.method(), request.target(), "Authorization: Bearer " + KEY);
			if (!isMetrics(withKey)) {
				refused.add(request + " -> " + withKey.status());
			}
		}
		assertThat(refused).as("requests the router serves as metrics that the guard refuses to the right key")
			.isEmpty();
	}

	@Test
	void passesEveryOtherRequestUntouched() {
		assertThat(this.others).filteredOn((exchange) -> !exchange.answeredAlike())
			.as("other requests the guarded app answers otherwise than the app without the guard")
			.isEmpty();
	}

	@Test
	void servesTheOtherRequestsTheSettingIsKnownToServe() {
		for (String target : this.setting.servedOthers()) {
			assertThat(this.others).filteredOn((exchange) -> exchange.request().target().equals(target))
				.singleElement()
				.satisfies((exchange) -> assertThat(exchange.unguarded().status()).as(target).isEqualTo(200))
				.satisfies((exchange) -> assertThat(exchange.guarded().status()).as(target).isEqualTo(200));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/%zz", "/metrics%", "/metrics%zz", "/%", "/%6", "/me%G1trics", "/actuator/%zzprometheus",
			"/metrics/%", "/actuator/prometheus%", "/actuator%zz/prometheus" })
	void answersMalformedEncodingsWithAClientError(String target) {
		for (String method : METHODS) {
			RawResponse response = guarded().send(method, target);
			assertThat(response.status()).as("%s %s", method, target).isBetween(400, 499);
			assertThat(isMetrics(response)).as("%s %s", method, target).isFalse();
		}
	}

	@Test
	void servesWhatTheSettingIsKnownToRouteToTheMetricsToTheRightKeyInEveryForm() {
		String basic = Base64.getEncoder().encodeToString(("prometheus:" + KEY).getBytes(StandardCharsets.UTF_8));
		for (String target : this.setting.routedToMetrics()) {
			for (String credentials : List.of("Authorization: Bearer " + KEY, "Authorization: Basic " + basic,
					"x-litellm-api-key: " + KEY)) {
				RawResponse served = guarded().send("GET", target, credentials);
				assertThat(served.status()).as("%s with %s", target, credentials).isEqualTo(200);
				assertThat(isMetrics(served)).as("%s with %s", target, credentials).isTrue();
			}
			RawResponse wrongKey = guarded().send("GET", target, "Authorization: Bearer sk-wrong");
			assertThat(wrongKey.status()).as("%s with a wrong key", target).isEqualTo(401);
		}
	}

	public static List<Exchange> survey(RawHttpClient unguarded, RawHttpClient guarded, Collection<String> methods,
			Collection<String> targets) {
		List<Exchange> exchanges = new ArrayList<>();
		for (String method : methods) {
			for (String target : targets) {
				exchanges.add(new Exchange(new Request(method, target), unguarded.send(method, target),
						guarded.send(method, target)));
			}
		}
		return exchanges;
	}

	public static boolean isMetrics(RawResponse response) {
		if (response.status() != 200) {
			return false;
		}
		String head = response.head().toLowerCase(Locale.ROOT).replace(" ", "");
		return response.body().contains("# TYPE") || head.contains("content-type:text/plain;version=0.0.4")
				|| head.contains("content-type:application/openmetrics-text");
	}

	// A connection closed without a response has status -1.
	public static boolean isServerError(RawResponse response) {
		return response.status() >= 500 || response.status() < 100;
	}

	protected Setting setting() {
		return this.setting;
	}

	protected List<Exchange> exchanges() {
		return this.exchanges;
	}

	protected List<Exchange> servedByTheRouter() {
		return this.exchanges.stream().filter(Exchange::servedByTheRouter).toList();
	}

	private RawHttpClient guarded() {
		return client("litellm.require-auth-for-metrics-endpoint=true", "litellm.master-key=" + KEY);
	}

	private RawHttpClient client(String... settings) {
		return raw(app(this.setting.sources().toArray(Class<?>[]::new),
				Stream.concat(this.setting.args().stream(), Stream.of(settings)).toArray(String[]::new)));
	}

	/**
	 * How both apps of a setting run (sample app, added sources, arguments), which
	 * spellings they are sent with which methods, and which {@code GET} targets the
	 * setting is known to route to the metrics or to serve otherwise: these show that the
	 * setting took effect.
	 *
	 * @param app the sample app
	 * @param sources the classes added to the sample app's sources
	 * @param args the settings of both apps
	 * @param methods the methods every spelling is sent with
	 * @param spellings the spellings of the metrics paths
	 * @param routedToMetrics targets known to be served as metrics
	 * @param servedOthers other targets known to be served
	 */
	public record Setting(SampleApp app, List<Class<?>> sources, List<String> args, List<String> methods,
			Set<String> spellings, List<String> routedToMetrics, List<String> servedOthers) {

		public static Setting of(SampleApp app, List<String> routedToMetrics, List<String> servedOthers,
				Class<?>... sources) {
			return new Setting(app, List.of(sources), List.of(), METHODS,
					app.spellings(MetricsPathSpellings.SAMPLE_APP_PATHS), routedToMetrics, servedOthers);
		}

		public Setting withPrometheusAt(String mapping, String... routedToMetrics) {
			return new Setting(this.app, this.sources,
					concat(this.args, "management.endpoints.web.path-mapping.prometheus=" + mapping), this.methods,
					this.app.spellings(List.of("/actuator/" + mapping)), List.of(routedToMetrics), this.servedOthers);
		}

		public Setting with(Class<?> source, String... moreArgs) {
			List<Class<?>> sources = new ArrayList<>(this.sources);
			sources.add(source);
			return new Setting(this.app, List.copyOf(sources), concat(this.args, moreArgs), List.of("GET", "HEAD"),
					this.spellings, this.routedToMetrics, this.servedOthers);
		}

		public Setting under(SampleApp.Prefix prefix) {
			List<String> paths = MetricsPathSpellings.SAMPLE_APP_PATHS.stream()
				.map((path) -> prefix.path() + path)
				.toList();
			return new Setting(this.app, this.sources, concat(this.args, prefix.settings()), this.methods,
					this.app.spellings(paths),
					this.routedToMetrics.stream().map((target) -> prefix.path() + target).toList(),
					this.servedOthers.stream().map((target) -> prefix.path() + target).toList());
		}

		public Setting routing(String... targets) {
			return new Setting(this.app, this.sources, this.args, this.methods, this.spellings,
					concat(this.routedToMetrics, targets), this.servedOthers);
		}

		public Setting servingOthers(String... targets) {
			return new Setting(this.app, this.sources, this.args, this.methods, this.spellings, this.routedToMetrics,
					concat(this.servedOthers, targets));
		}

		Set<String> targets() {
			Set<String> targets = new LinkedHashSet<>(this.spellings);
			targets.addAll(this.routedToMetrics);
			return targets;
		}

		Set<String> otherTargets() {
			Set<String> targets = new LinkedHashSet<>(OTHER_SPELLINGS);
			targets.addAll(this.servedOthers);
			return targets;
		}

		private static List<String> concat(List<String> list, String... more) {
			List<String> all = new ArrayList<>(list);
			all.addAll(List.of(more));
			return List.copyOf(all);
		}

		@Override
		public String toString() {
			return this.app + (this.args.isEmpty() ? "" : " " + this.args);
		}

	}

	/**
	 * A request of a survey: a method and a request target, as sent.
	 *
	 * @param method the method
	 * @param target the request target
	 */
	public record Request(String method, String target) {

		@Override
		public String toString() {
			return this.method + " " + this.target;
		}

	}

	/**
	 * One request, as the application without the guard and the guarded one answered it.
	 *
	 * @param request the request
	 * @param unguarded the answer without the guard
	 * @param guarded the answer of the guarded application
	 */
	public record Exchange(Request request, RawResponse unguarded, RawResponse guarded) {

		public boolean servedByTheRouter() {
			return isMetrics(this.unguarded);
		}

		public boolean rejectedByTheGuard() {
			return this.guarded.status() == 401
					&& ("HEAD".equals(this.request.method()) || this.guarded.body().contains("\"auth_error\""));
		}

		public boolean answeredAlike() {
			return this.unguarded.status() == this.guarded.status()
					&& (this.unguarded.status() != 200 || this.unguarded.body().equals(this.guarded.body()));
		}

		@Override
		public String toString() {
			return "%s%n  without the guard: %s%n  with the guard:    %s%n    %s".formatted(this.request,
					this.unguarded.head().lines().findFirst().orElse("(no response)"),
					this.guarded.head().replace("\r\n", "\n    "),
					StringUtils.truncate(this.guarded.body().replace("\n", "\\n"), 200));
		}

	}

}
