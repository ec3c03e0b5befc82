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

package ai.litellm.spring.metrics.servlet;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import ai.litellm.spring.metrics.AuthenticatedKey;
import ai.litellm.spring.metrics.AuthenticatorSaturatedException;
import ai.litellm.spring.metrics.AuthenticatorTimeoutException;
import ai.litellm.spring.metrics.KeyLookups;
import ai.litellm.spring.metrics.MetricsGuard;
import ai.litellm.spring.metrics.MetricsGuards;
import ai.litellm.spring.metrics.MetricsGuards.RecordingListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MetricsAuthServletFilter} and the bounded key store it asks.
 */
class MetricsAuthServletFilterTests {

	private static final String KEY = "sk-servlet-key-1234";

	private static final String STORE_KEY = "sk-store-key-5678";

	private final RecordingListener listener = new RecordingListener();

	private final MetricsGuard guard = MetricsGuards.guard("master", KEY, this.listener);

	private final AtomicInteger lookups = new AtomicInteger();

	private final ApiKeyAuthenticator keyStore = (key) -> {
		this.lookups.incrementAndGet();
		return STORE_KEY.equals(key) ? new AuthenticatedKey("grafana") : null;
	};

	private final MetricsAuthServletFilter filter = new MetricsAuthServletFilter(this.guard, this.keyStore);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@ParameterizedTest
	@ValueSource(strings = { "/health", "/", "/claude/v1/metrics", "/metricsfoo", "/actuator/health", "/%68ealth",
			"/health;x=y", "/metrics-x%2Fy" })
	void letsOtherRequestsThroughUntouched(String uri) throws Exception {
		this.filter.doFilter(request("GET", uri), this.response, this.chain);
		assertThat(this.chain.getRequest()).isNotNull();
		assertThat(this.response.getStatus()).isEqualTo(200);
		assertThat(this.response.getHeaderNames()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/metrics", "/metrics/", "/metrics/x", "/METRICS", "/Metrics", "//metrics", "/./metrics",
			"/%6Detrics", "/%6detrics", "/metrics;jsessionid=x", "/metrics;a=b/x", "/actuator/prometheus",
			"/actuator;a/%70rometheus", "/ACTUATOR/Prometheus", "/%zz", "/metrics%zz", "/metrics.txt",
			"/actuator/prometheus.json", "/%2Fmetrics", "/%2f/%6detrics", "/%2F/metrics;x=1", "/metrics%2Fx" })
	void rejectsEverySpellingOfAMetricsPathWithoutAKey(String uri) throws Exception {
		this.filter.doFilter(request("GET", uri), this.response, this.chain);
		assertRejected(401);
	}

	// A configured key without asking the key store; the key store's under its name.
	@ParameterizedTest
	@CsvSource({ KEY + ", master, 0", STORE_KEY + ", grafana, 1" })
	void servesTheMetricsToAnAcceptedKeyCountedUnderItsName(String key, String name, int lookups) throws Exception {
		MockHttpServletRequest request = withKey(key);
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.lookups).hasValue(lookups);
		assertThat(this.listener.accepted).containsExactly(name);
		assertThat(this.response.getHeader("Cache-Control")).as("no shared cache keeps what a key unlocked")
			.isEqualTo("no-store");
	}

	@ParameterizedTest
	@CsvSource({ "/files/a%2Fb.pdf, 200", "/%2Fhealth, 200", "/health, 200", "/metrics, 401", "/%2Fmetrics, 401",
			"/app/metrics, 401", "/app/metrics/, 401" })
	void decidesOnTheUriAloneWhenTheContainerCannotMapAnAmbiguousUri(String uri, int status) throws Exception {
		// Jetty with UriCompliance.LEGACY gives no servlet path for an ambiguous URI.
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri) {

			@Override
			public String getServletPath() {
				throw new IllegalArgumentException("Ambiguous URI encoding");
			}

		};
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.response.getStatus()).isEqualTo(status);
		assertThat(this.chain.getRequest()).isEqualTo((status == 200) ? request : null);
	}

	@Test
	void rejectsAKeyTheKeyStoreDoesNotAcceptOrAnUnknownKeyWithoutAKeyStore() throws Exception {
		this.filter.doFilter(withKey(KEY + "x"), this.response, this.chain);
		assertRejected(401);
		assertThat(this.lookups).hasValue(1);
		MockHttpServletResponse withoutStore = new MockHttpServletResponse();
		new MetricsAuthServletFilter(this.guard, null).doFilter(withKey(STORE_KEY), withoutStore, this.chain);
		assertThat(withoutStore.getStatus()).isEqualTo(401);
		assertThat(this.listener.rejected).hasSize(2);
	}

	@Test
	void writesTheErrorShapeWithChallengesAndNoStore() throws Exception {
		MockHttpServletRequest request = request("GET", "/metrics");
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer wrong");
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
		assertThat(this.response.getContentType()).startsWith("application/json");
		assertThat(this.response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(this.response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer realm=\"metrics\"",
				"Basic realm=\"metrics\", charset=\"UTF-8\"");
		assertThat(this.response.getContentAsString()).contains("the API key is invalid")
			.contains("\"type\":\"auth_error\"")
			.hasSize(this.response.getContentLength());
	}

	@Test
	void answersHeadWithoutABody() throws Exception {
		this.filter.doFilter(request("HEAD", "/metrics"), this.response, this.chain);
		assertRejected(401);
		assertThat(this.response.getContentAsByteArray()).isEmpty();
		assertThat(this.response.getContentLength()).isPositive();
	}

	@ParameterizedTest
	// Each view alone: the URI below the context path and a path-mapped servlet's prefix,
	// and the container's decoded, normalised mapping (Tomcat with ALLOW_BACKSLASH maps
	// /metrics\x as /metrics/x).
	@CsvSource(nullValues = "-", textBlock = """
			/api/metrics,              /api, /api/metrics, -,           401
			/ctx/app/v1/metrics,       /ctx, /app/v1,      /metrics,    401
			/ctx/app/v1/%6Detrics,     /ctx, /app/v1,      /metrics,    401
			/ctx/app/v1/metrics;x=y,   /ctx, /app/v1,      /metrics,    401
			/%61pp/%6Detrics,          '',   /app,         /metrics,    401
			/app/metrics,              '',   /app/metrics, -,           200
			/x/../metrics,             '',   /metrics,     -,           401
			/metrics\\x,               '',   /metrics/x,   -,           401
			/\\metrics,                '',   //metrics,    -,           401
			/actuator/x/../prometheus, '',   /actuator,    /prometheus, 401
			""")
	void decidesOnTheUriAndOnTheContainersMapping(String uri, String contextPath, String servletPath,
			@Nullable String pathInfo, int status) throws Exception {
		MockHttpServletRequest request = request("GET", uri);
		request.setContextPath(contextPath);
		request.setServletPath(servletPath);
		request.setPathInfo(pathInfo);
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.response.getStatus()).isEqualTo(status);
		assertThat(this.chain.getRequest() != null).as("handed on").isEqualTo(status == 200);
	}

	@Test
	void guardsAForwardToMetrics() throws Exception {
		MockHttpServletRequest request = request("GET", "/metrics");
		request.setDispatcherType(DispatcherType.FORWARD);
		this.filter.doFilter(request, this.response, this.chain);
		assertRejected(401);
	}

	@ParameterizedTest
	// The including request's servlet path and path info, then the included request's
	// URI, servlet path and path info, which the container gives as attributes.
	@CsvSource(nullValues = "-", textBlock = """
			/health, -,     /metrics,      -,        -,         401
			/health, -,     /x/../metrics, /metrics, -,         401
			/app,    -,     /app/metrics,  /app,     /metrics,  401
			/app,    /page, /app/fragment, /app,     /fragment, 200
			""")
	void decidesAnIncludeOnTheIncludedPaths(String servletPath, @Nullable String pathInfo, String includedUri,
			@Nullable String includedServletPath, @Nullable String includedPathInfo, int status) throws Exception {
		MockHttpServletRequest request = request("GET", servletPath + ((pathInfo != null) ? pathInfo : ""));
		request.setServletPath(servletPath);
		request.setPathInfo(pathInfo);
		request.setDispatcherType(DispatcherType.INCLUDE);
		request.setAttribute(RequestDispatcher.INCLUDE_REQUEST_URI, includedUri);
		request.setAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH, includedServletPath);
		request.setAttribute(RequestDispatcher.INCLUDE_PATH_INFO, includedPathInfo);
		this.filter.doFilter(request, this.response, this.chain);
		assertThat(this.response.getStatus()).isEqualTo(status);
		assertThat(this.chain.getRequest() != null).as("handed on").isEqualTo(status == 200);
	}

	@Test
	void answersAKeyStoreThatFailsWithA503() throws Exception {
		assertUnavailable((key) -> {
			throw new IllegalStateException("key store down for " + key);
		}, IllegalStateException.class);
	}

	@Test
	void answersAKeyStoreThatDoesNotAnswerInTimeWithA503() throws Exception {
		assertUnavailable(new BoundedApiKeyAuthenticator((key) -> {
			LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
			return null;
		}, new KeyLookups(Duration.ofHours(1), 1), Duration.ofMillis(100)), AuthenticatorTimeoutException.class);
	}

	@Test
	void hasAConstantName() {
		assertThat(this.filter).hasToString("MetricsAuthServletFilter");
	}

	private void assertUnavailable(ApiKeyAuthenticator keyStore, Class<? extends Throwable> reported) throws Exception {
		new MetricsAuthServletFilter(this.guard, keyStore).doFilter(withKey(STORE_KEY), this.response, this.chain);
		assertRejected(503);
		assertThat(this.response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(this.response.getContentAsString()).contains("auth_unavailable").doesNotContain(STORE_KEY);
		assertThat(this.listener.unavailable).singleElement().isInstanceOf(reported);
	}

	private void assertRejected(int status) {
		assertThat(this.chain.getRequest()).as("the rest of the chain is never called").isNull();
		assertThat(this.response.getStatus()).isEqualTo(status);
		assertThat(this.response.isCommitted()).as("flushed").isTrue();
	}

	private static MockHttpServletRequest withKey(String key) {
		MockHttpServletRequest request = request("GET", "/metrics");
		request.addHeader("x-litellm-api-key", key);
		return request;
	}

	private static MockHttpServletRequest request(String method, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setServletPath(uri);
		return request;
	}

	/**
	 * Tests for {@link BoundedApiKeyAuthenticator}, which bounds, caches and times out
	 * the key store the filter asks.
	 */
	// A lookup that is not bounded as it should be fails its test rather than hangs it.
	@Nested
	@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	class BoundedKeyStore {

		private static final AuthenticatedKey GRAFANA = new AuthenticatedKey("grafana");

		private final AtomicInteger lookups = new AtomicInteger();

		private final CountDownLatch release = new CountDownLatch(1);

		private final AtomicReference<Thread> lookupThread = new AtomicReference<>();

		private final ExecutorService requests = Executors.newCachedThreadPool();

		// Keys starting with sk-good are accepted; sk-bad rejected; any other waits for
		// the release, deaf to interruption, as a lookup stuck in a socket read would be.
		private final ApiKeyAuthenticator keyStore = (key) -> {
			this.lookups.incrementAndGet();
			this.lookupThread.set(Thread.currentThread());
			if (key.startsWith("sk-good")) {
				return GRAFANA;
			}
			if (!key.startsWith("sk-bad")) {
				awaitUninterruptibly(this.release);
			}
			return null;
		};

		private final KeyLookups bounds = new KeyLookups(Duration.ofHours(1), 1);

		private final BoundedApiKeyAuthenticator authenticator = new BoundedApiKeyAuthenticator(this.keyStore,
				this.bounds, Duration.ofMillis(300));

		@AfterEach
		void releaseLookups() {
			this.release.countDown();
			this.requests.shutdownNow();
		}

		@Test
		void passesTheKeysNameThroughTheLookupAndTheCache() {
			assertThat(this.authenticator.authenticate("sk-good")).isEqualTo(GRAFANA);
			assertThat(this.authenticator.authenticate("sk-good")).isEqualTo(GRAFANA);
			assertThat(this.lookups).as("the second answer is the cached one").hasValue(1);
			assertThat(this.lookupThread.get().getName()).as("looked up on a thread of its own")
				.startsWith("litellm-key-lookup-");
			assertThat(this.lookupThread.get().isDaemon()).as("which never keeps the JVM from exiting").isTrue();
			assertThat(this.bounds.inFlight()).isZero();
		}

		@Test
		void remembersARejection() {
			assertThat(this.authenticator.authenticate("sk-bad")).isNull();
			assertThat(this.authenticator.authenticate("sk-bad")).isNull();
			assertThat(this.lookups).hasValue(1);
		}

		@Test
		void neverRemembersAFailureAndPassesItOnAsItIs() {
			IllegalStateException down = new IllegalStateException("down");
			BoundedApiKeyAuthenticator failing = bounded((key) -> {
				this.lookups.incrementAndGet();
				throw down;
			});
			assertThatIllegalStateException().isThrownBy(() -> failing.authenticate("sk-good")).isSameAs(down);
			assertThatIllegalStateException().isThrownBy(() -> failing.authenticate("sk-good")).isSameAs(down);
			assertThat(this.lookups).hasValue(2);
			assertThat(this.bounds.inFlight()).isZero();
		}

		@Test
		void reportsAnErrorOfTheLookupAsAFailure() {
			BoundedApiKeyAuthenticator failing = bounded((key) -> {
				throw new AssertionError("broken");
			});
			assertThatIllegalStateException().isThrownBy(() -> failing.authenticate("sk-good"))
				.withCauseInstanceOf(AssertionError.class);
		}

		@Test
		void timesOutASynchronousLookupAndReleasesTheRequestThread() {
			BoundedApiKeyAuthenticator slow = new BoundedApiKeyAuthenticator((key) -> {
				LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
				return GRAFANA;
			}, this.bounds, Duration.ofMillis(500));
			long start = System.nanoTime();
			assertThatExceptionOfType(AuthenticatorTimeoutException.class)
				.isThrownBy(() -> slow.authenticate("sk-slow"))
				.withMessageNotContaining("sk-slow");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at the timeout, well under the lookup's 3 s")
				.isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
		}

		@Test
		void keepsTheRequestThreadInterruptedWhenInterruptedWhileWaiting() {
			Thread.currentThread().interrupt();
			try {
				assertThatExceptionOfType(AuthenticatorTimeoutException.class)
					.isThrownBy(() -> this.authenticator.authenticate("sk-waiting"));
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
			}
			finally {
				Thread.interrupted();
			}
		}

		@Test
		void keepsTheTimedOutLookupsPlaceUntilItReallyEnds() throws Exception {
			assertThatExceptionOfType(AuthenticatorTimeoutException.class)
				.isThrownBy(() -> this.authenticator.authenticate("sk-stuck"));
			assertThat(this.bounds.inFlight()).isOne();
			assertThatExceptionOfType(AuthenticatorSaturatedException.class)
				.isThrownBy(() -> this.authenticator.authenticate("sk-next"));
			this.release.countDown();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.bounds.inFlight() == 0);
			assertThat(this.lookups).as("the refused lookup never started").hasValue(1);
		}

		@Test
		void refusesLookupsBeyondTheBoundWithoutStartingThemOrNamingTheKey() throws Exception {
			this.requests.submit(() -> this.authenticator.authenticate("sk-stuck"));
			// The lookup holds its place from before its thread starts it.
			await().atMost(Duration.ofSeconds(5)).until(() -> this.bounds.inFlight() == 1 && this.lookups.get() == 1);
			assertThatExceptionOfType(AuthenticatorSaturatedException.class)
				.isThrownBy(() -> this.authenticator.authenticate("sk-secret-key"))
				.withMessageNotContaining("sk-secret-key");
			assertThat(this.lookups).hasValue(1);
		}

		@Test
		void looksUpAKnownKeyWhileUnknownKeysSaturateTheBound() throws Exception {
			// No cache: the known key is looked up again every time.
			BoundedApiKeyAuthenticator uncached = new BoundedApiKeyAuthenticator(this.keyStore,
					new KeyLookups(Duration.ZERO, 1), Duration.ofSeconds(5));
			assertThat(uncached.authenticate("sk-good")).isEqualTo(GRAFANA);
			this.requests.submit(() -> uncached.authenticate("sk-flood-1"));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.lookups.get() == 2);
			assertThatExceptionOfType(AuthenticatorSaturatedException.class)
				.isThrownBy(() -> uncached.authenticate("sk-flood-2"));
			// Back to back, as concurrent scrapes come: each lookup starts while the
			// thread of the last one may still be on its way back to the pool.
			for (int i = 0; i < 1000; i++) {
				assertThat(uncached.authenticate("sk-good")).isEqualTo(GRAFANA);
			}
			assertThat(this.lookups).hasValue(1002);
		}

		@Test
		void refusesATimeoutThatIsNotPositive() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new BoundedApiKeyAuthenticator(this.keyStore, this.bounds, Duration.ZERO));
		}

		private BoundedApiKeyAuthenticator bounded(ApiKeyAuthenticator keyStore) {
			return new BoundedApiKeyAuthenticator(keyStore, this.bounds, Duration.ofSeconds(5));
		}

		private static void awaitUninterruptibly(CountDownLatch latch) {
			boolean interrupted = false;
			while (latch.getCount() > 0) {
				try {
					latch.await();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
