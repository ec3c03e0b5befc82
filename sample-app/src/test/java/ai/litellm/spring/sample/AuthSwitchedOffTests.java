package ai.litellm.spring.sample;

import ai.litellm.spring.metrics.MetricsAuthWebFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code litellm.require-auth-for-metrics-endpoint=false} no filter is registered
 * and metrics are open, even without any key configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "litellm.require-auth-for-metrics-endpoint=false", "--LITELLM_MASTER_KEY=" })
@AutoConfigureWebTestClient
class AuthSwitchedOffTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ApplicationContext context;

	@Test
	void registersNoFilter() {
		assertThat(this.context.getBeansOfType(MetricsAuthWebFilter.class)).isEmpty();
	}

	@Test
	void servesMetricsWithoutAKey() {
		this.client.get()
			.uri("/metrics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("# TYPE jvm_"));
	}

}
