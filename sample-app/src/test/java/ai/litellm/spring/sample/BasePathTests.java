package ai.litellm.spring.sample;

import ai.litellm.spring.sample.RawHttpClient.RawResponse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard follows the application's base path ({@code spring.webflux.base-path}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "litellm.master-key=" + SampleApplicationTests.KEY, "spring.webflux.base-path=/api" })
class BasePathTests {

	@LocalServerPort
	private int port;

	@Test
	void guardsMetricsBelowTheBasePath() {
		RawHttpClient http = new RawHttpClient(this.port);
		assertThat(http.send("GET", "/api/metrics").status()).isEqualTo(401);
		assertThat(http.send("GET", "/api/%6Detrics;v=1").status()).isEqualTo(401);
		assertThat(http.send("GET", "/api/actuator/prometheus").status()).isEqualTo(401);
		RawResponse served = http.send("GET", "/api/metrics", "Authorization: Bearer " + SampleApplicationTests.KEY);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).contains("# TYPE jvm_");
	}

	@Test
	void leavesOtherPathsBelowTheBasePathOpen() {
		RawHttpClient http = new RawHttpClient(this.port);
		assertThat(http.send("GET", "/api/health").body()).isEqualTo("ok");
		assertThat(http.send("GET", "/metrics").status()).as("outside the base path nothing is served").isEqualTo(404);
	}

}
