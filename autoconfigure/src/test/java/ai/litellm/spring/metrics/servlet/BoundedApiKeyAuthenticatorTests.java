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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BoundedApiKeyAuthenticator}.
 */
// A lookup that is not bounded as it should be fails its test rather than hangs it.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedApiKeyAuthenticatorTests {

	private static final AuthenticatedKey GRAFANA = new AuthenticatedKey("grafana");

	private final AtomicInteger lookups = new AtomicInteger();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicReference<Thread> lookupThread = new AtomicReference<>();

	private final ExecutorService requests = Executors.newCachedThreadPool();

	// Keys starting with sk-good are accepted; sk-bad rejected; any other waits for the
	// release, deaf to interruption, as a lookup stuck in a socket read would be.
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

	private final BoundedApiKeyAuthenticator authenticator = new BoundedApiKeyAuthenticator(this.keyStore, this.bounds,
			Duration.ofMillis(300));

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
		assertThatExceptionOfType(AuthenticatorTimeoutException.class).isThrownBy(() -> slow.authenticate("sk-slow"))
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
		// Back to back, as concurrent scrapes come: each lookup starts while the thread
		// of the last one may still be on its way back to the pool.
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
