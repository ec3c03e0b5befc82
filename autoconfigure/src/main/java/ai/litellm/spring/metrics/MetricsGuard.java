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

package ai.litellm.spring.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The guard's decision on a metrics request, the same on every web stack; each stack's
 * adapter asks it and writes the {@link Verdict}. The keys held in memory
 * ({@link KeyRing}) are checked first; any other key is left to the application's key
 * store, whose answer the adapter hands to {@link #answer(AuthenticatedKey)}, or its
 * failure to {@link #unavailable(Throwable)}.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsGuard {

	private static final Log logger = LogFactory.getLog(MetricsGuard.class);

	private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	private final MetricsPathMatcher paths;

	private final KeyRing keys;

	private final AuthenticationListener listener;

	private final CredentialsReader credentialsReader = new CredentialsReader();

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	/**
	 * Create a guard.
	 * @param paths which requests are guarded
	 * @param keys the keys held in memory
	 * @param listener told every outcome
	 */
	public MetricsGuard(MetricsPathMatcher paths, KeyRing keys, AuthenticationListener listener) {
		this.paths = paths;
		this.keys = keys;
		this.listener = listener;
	}

	/**
	 * Return which requests are guarded.
	 * @return the paths
	 */
	public MetricsPathMatcher getPaths() {
		return this.paths;
	}

	/**
	 * Decide on a metrics request from its credentials and the keys held in memory.
	 * @param headers the request's headers
	 * @return the verdict, with a {@link Verdict#keyToLookUp() key to look up} for a key
	 * not held in memory
	 */
	public Verdict check(RequestHeaders headers) {
		PresentedCredentials credentials = this.credentialsReader.read(headers);
		String apiKey = credentials.apiKey();
		if (apiKey == null) {
			return reject(credentials.failure());
		}
		String keyName = this.keys.match(apiKey);
		return (keyName != null) ? accept(keyName) : Verdict.lookUp(apiKey);
	}

	/**
	 * Decide on a key from the answer of the application's key store.
	 * @param key the accepted key, or {@code null} if it is not accepted or there is no
	 * key store
	 * @return the verdict
	 */
	public Verdict answer(@Nullable AuthenticatedKey key) {
		return (key != null) ? accept(key.name()) : reject(AuthenticationFailure.INVALID_KEY);
	}

	/**
	 * Decide on a key that the application's key store could not check.
	 * @param error what the key store signalled, such as an
	 * {@link AuthenticatorTimeoutException}
	 * @return the verdict, a 503
	 */
	public Verdict unavailable(Throwable error) {
		this.listener.unavailable(error);
		warnAtMostEveryTenSeconds(error);
		return Verdict.UNAVAILABLE;
	}

	private Verdict accept(String keyName) {
		if (logger.isDebugEnabled()) {
			logger.debug("Accepted a metrics request with the key named '" + keyName + "'");
		}
		this.listener.accepted(keyName);
		return Verdict.ACCEPTED;
	}

	private Verdict reject(@Nullable AuthenticationFailure failure) {
		AuthenticationFailure reason = (failure != null) ? failure : AuthenticationFailure.MALFORMED_CREDENTIALS;
		if (logger.isDebugEnabled()) {
			logger.debug("Rejected a metrics request: " + reason.getReason());
		}
		this.listener.rejected(reason);
		return Verdict.unauthorized(reason);
	}

	// Only the exception's type: its message may carry the key. At most every ten
	// seconds, so that a flood of requests cannot flood the log.
	private void warnAtMostEveryTenSeconds(Throwable ex) {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= WARNING_INTERVAL_NANOS && this.lastWarning.compareAndSet(last, now)) {
			String cause = (ex instanceof AuthenticatorTimeoutException) ? "did not answer in time"
					: (ex instanceof AuthenticatorSaturatedException) ? "has too many lookups in flight"
							: "failed with " + ex.getClass().getName();
			logger.warn("Answered a metrics request with 503: the API key authenticator " + cause
					+ " (further failures within 10 s are counted, not logged)");
		}
	}

	@Override
	public String toString() {
		return "MetricsGuard";
	}

}
