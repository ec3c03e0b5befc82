package ai.litellm.spring.sample;

import ai.litellm.spring.sample.RawHttpClient.RawResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends spellings of the metrics path to a real server byte for byte: every spelling the
 * router would serve as metrics is rejected without a key and served with one, and paths
 * that only look like metrics are left alone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "litellm.master-key=" + SampleApplicationTests.KEY)
class MetricsPathSpellingTests {

	@LocalServerPort
	private int port;

	private RawHttpClient http;

	@BeforeEach
	void createClient() {
		this.http = new RawHttpClient(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/metrics;x=y", "/metrics;", "/%6Detrics", "/%6detrics",
			"/%6D%65%74%72%69%63%73", "/m%65trics;a=b", "/metrics?x=y", "/actuator/prometheus",
			"/actuator;x=y/prometheus", "/actuator/%70rometheus" })
	void rejectsEverySpellingThatReachesMetricsWithoutAKeyAndServesItWithOne(String target) {
		RawResponse rejected = this.http.send("GET", target);
		assertThat(rejected.status()).as(target).isEqualTo(401);
		assertThat(rejected.body()).contains("no API key was provided").doesNotContain("# TYPE");
		RawResponse served = this.http.send("GET", target, "Authorization: Bearer " + SampleApplicationTests.KEY);
		assertThat(served.status()).as(target).isEqualTo(200);
		assertThat(served.body()).contains("# TYPE jvm_");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics/", "//metrics", "/metrics/anything", "/./metrics" })
	void rejectsSpellingsBelowOrAroundMetricsEvenIfTheRouterWouldNotServeThem(String target) {
		assertThat(this.http.send("GET", target).status()).as(target).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/claude/v1/metrics", "/metricsfoo", "/Metrics", "/metric" })
	void leavesPathsThatOnlyLookLikeMetricsToTheRouter(String target) {
		RawResponse response = this.http.send("GET", target);
		assertThat(response.status()).as(target).isEqualTo(404);
		assertThat(response.body()).doesNotContain("# TYPE");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/health?x=/metrics", "/health;metrics", "/health#/metrics" })
	void leavesOtherPathsMentioningMetricsAlone(String target) {
		RawResponse response = this.http.send("GET", target);
		assertThat(response.status()).as(target).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ok");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization: Basic cHJvbWV0aGV1czpzay1zYW1wbGUtWng4MS1rZXk=",
			"x-litellm-api-key: sk-sample-Zx81-key", "X-LiteLLM-Api-Key: Bearer sk-sample-Zx81-key" })
	void servesMetricsToEveryCredentialFormOnTheWire(String header) {
		assertThat(this.http.send("GET", "/metrics", header).status()).isEqualTo(200);
	}

}
