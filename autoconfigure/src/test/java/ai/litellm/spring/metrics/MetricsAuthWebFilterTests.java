package ai.litellm.spring.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MetricsAuthWebFilter}.
 */
class MetricsAuthWebFilterTests {

	private static final String KEY = "sk-master-1234";

	private final AtomicInteger authentications = new AtomicInteger();

	private final MetricsAuthWebFilter filter = new MetricsAuthWebFilter(new MetricsPathMatcher(List.of("/metrics")),
			(key) -> {
				this.authentications.incrementAndGet();
				return Mono.just(KEY.equals(key));
			}, MetricsAuthWebFilter.DEFAULT_ORDER);

	private final RecordingChain chain = new RecordingChain();

	@Test
	void passesOtherRequestsThroughAsTheChainsOwnMono() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/health"));
		Mono<Void> result = this.filter.filter(exchange, this.chain);
		assertThat(result).as("no operator is added to the pass-through").isSameAs(this.chain.result);
		StepVerifier.create(result).verifyComplete();
		assertThat(this.chain.calls).hasValue(1);
		assertThat(this.authentications).hasValue(0);
	}

	@Test
	void passesOtherRequestsThroughEvenWithBadCredentials() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/chat/completions").header(HttpHeaders.AUTHORIZATION, "Bearer wrong"));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertThat(this.chain.calls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void letsAMetricsRequestWithTheKeyThrough() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertThat(this.chain.calls).hasValue(1);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void rejectsAMetricsRequestWithoutAKeyWithoutAskingTheAuthenticatorOrTheChain() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/metrics"));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertRejected(exchange, AuthenticationFailure.MISSING_KEY);
		assertThat(this.authentications).hasValue(0);
	}

	@Test
	void rejectsAMetricsRequestWithMalformedCredentials() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("/metrics/x").header(HttpHeaders.AUTHORIZATION, "Basic %%%"));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertRejected(exchange, AuthenticationFailure.MALFORMED_CREDENTIALS);
	}

	@Test
	void rejectsAMetricsRequestWithAWrongKey() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.head("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY + "x"));
		StepVerifier.create(this.filter.filter(exchange, this.chain)).verifyComplete();
		assertRejected(exchange, AuthenticationFailure.INVALID_KEY);
		assertThat(this.authentications).hasValue(1);
	}

	@Test
	void treatsAnEmptyAuthenticatorAnswerAsARejection() {
		MetricsAuthWebFilter silent = new MetricsAuthWebFilter(new MetricsPathMatcher(List.of("/metrics")),
				(key) -> Mono.empty(), 0);
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));
		StepVerifier.create(silent.filter(exchange, this.chain)).verifyComplete();
		assertRejected(exchange, AuthenticationFailure.INVALID_KEY);
	}

	@Test
	void propagatesAnAuthenticatorErrorWithoutCallingTheChain() {
		MetricsAuthWebFilter failing = new MetricsAuthWebFilter(new MetricsPathMatcher(List.of("/metrics")),
				(key) -> Mono.error(new IllegalStateException("key store down")), 0);
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/metrics").header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));
		StepVerifier.create(failing.filter(exchange, this.chain)).verifyErrorMessage("key store down");
		assertThat(this.chain.calls).hasValue(0);
	}

	@Test
	void hasAConstantToStringAndTheConfiguredOrder() {
		assertThat(this.filter.toString()).isSameAs(this.filter.toString()).isEqualTo("MetricsAuthWebFilter");
		assertThat(this.filter.getOrder()).isEqualTo(MetricsAuthWebFilter.DEFAULT_ORDER);
	}

	private void assertRejected(MockServerWebExchange exchange, AuthenticationFailure failure) {
		assertThat(this.chain.calls).as("the chain is never called").hasValue(0);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		StepVerifier.create(exchange.getResponse().getBodyAsString())
			.assertNext((body) -> assertThat(body).contains(failure.getReason()).doesNotContain(KEY))
			.verifyComplete();
	}

	static final class RecordingChain implements WebFilterChain {

		final AtomicInteger calls = new AtomicInteger();

		final Mono<Void> result = Mono.empty();

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.calls.incrementAndGet();
			return this.result;
		}

	}

}
