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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;

/**
 * The guard itself, independent of where it is plugged in: decides which requests are
 * metrics requests and authenticates them. {@link MetricsAuthWebFilter} and
 * {@link MetricsAuthHttpHandlerDecorator} are thin adapters around it.
 * <p>
 * A metrics request without usable credentials, or with a key the
 * {@link ApiKeyAuthenticator} does not accept, is answered with a 401. When the
 * authenticator fails, does not answer within its timeout or is saturated, the request is
 * answered with a 503: never with a 500, a closed connection or a request that hangs.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class MetricsGuard {

	/**
	 * How long the authenticator may take to answer unless configured otherwise.
	 */
	public static final Duration DEFAULT_AUTHENTICATOR_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(MetricsGuard.class);

	private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

	private final MetricsPathMatcher metricsPaths;

	private final CredentialsReader credentialsReader = new CredentialsReader();

	private final ApiKeyAuthenticator authenticator;

	private final AuthenticationListener listener;

	private final Duration authenticatorTimeout;

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	/**
	 * Create a guard.
	 * @param metricsPaths which requests are guarded
	 * @param authenticator the check of a presented key
	 */
	public MetricsGuard(MetricsPathMatcher metricsPaths, ApiKeyAuthenticator authenticator) {
		this(metricsPaths, authenticator, AuthenticationListener.NONE, DEFAULT_AUTHENTICATOR_TIMEOUT);
	}

	/**
	 * Create a guard that reports every outcome to a listener.
	 * @param metricsPaths which requests are guarded
	 * @param authenticator the check of a presented key
	 * @param listener told every outcome
	 * @param authenticatorTimeout how long the authenticator may take to answer
	 */
	public MetricsGuard(MetricsPathMatcher metricsPaths, ApiKeyAuthenticator authenticator,
			AuthenticationListener listener, Duration authenticatorTimeout) {
		Assert.isTrue(authenticatorTimeout.compareTo(Duration.ZERO) > 0, "The authenticator timeout must be positive");
		this.metricsPaths = metricsPaths;
		this.authenticator = authenticator;
		this.listener = listener;
		this.authenticatorTimeout = authenticatorTimeout;
	}

	/**
	 * Return whether the request must be authenticated. Allocation-free: it runs for
	 * every request.
	 * @param request the request
	 * @return {@code true} for a metrics request
	 */
	public boolean isMetricsRequest(ServerHttpRequest request) {
		return this.metricsPaths.matches(request);
	}

	/**
	 * Return whether a path must be authenticated. Allocation-free: it runs for every
	 * request.
	 * @param pathWithinApplication the parsed path within the application
	 * @return {@code true} for a metrics path
	 */
	public boolean isMetricsPath(PathContainer pathWithinApplication) {
		return this.metricsPaths.matches(pathWithinApplication);
	}

	/**
	 * Return whether a path, after some leading segments, must be authenticated.
	 * Allocation-free.
	 * @param pathWithinApplication the parsed path within the application
	 * @param leadingSegments segments to pass over first, such as a servlet mapping's
	 * prefix
	 * @return {@code true} for a metrics path
	 */
	public boolean isMetricsPath(PathContainer pathWithinApplication, int leadingSegments) {
		return this.metricsPaths.matches(pathWithinApplication, leadingSegments);
	}

	/**
	 * Return whether a path that needs no decoding (no {@code %} and no {@code ;}) must
	 * be authenticated. Allocation-free.
	 * @param path the path, such as a servlet request's URI
	 * @param from where the path within the application starts
	 * @param leadingSegments segments to pass over first, such as a servlet mapping's
	 * prefix
	 * @return {@code true} for a metrics path
	 * @see MetricsPathMatcher#matchesPlainPath(String, int, int)
	 */
	public boolean isMetricsPlainPath(String path, int from, int leadingSegments) {
		return this.metricsPaths.matchesPlainPath(path, from, leadingSegments);
	}

	/**
	 * Return whether the path made of two paths that need no decoding, one after the
	 * other, must be authenticated. Allocation-free.
	 * @param first the first part, such as a servlet path
	 * @param second the part that follows, such as a path info
	 * @return {@code true} for a metrics path
	 * @see MetricsPathMatcher#matchesPlainPath(String, String)
	 */
	public boolean isMetricsPlainPath(String first, String second) {
		return this.metricsPaths.matchesPlainPath(first, second);
	}

	/**
	 * Authenticate a metrics request: continue with {@code proceed} if it presents a
	 * valid key, otherwise complete the response as a 401, or as a 503 when the key
	 * cannot be checked, without calling {@code proceed}.
	 * @param request the metrics request
	 * @param response its response
	 * @param proceed what handles the request once it is authenticated
	 * @return completion of the request
	 */
	public Mono<Void> authenticate(ServerHttpRequest request, ServerHttpResponse response,
			Supplier<Mono<Void>> proceed) {
		return check(RequestHeaders.of(request.getHeaders())).flatMap((verdict) -> verdict.isAccepted() ? proceed.get()
				: ReactiveVerdictWriter.write(verdict, request, response));
	}

	/**
	 * Decide on a metrics request from its headers. The result never fails and always
	 * completes within the authenticator timeout.
	 * @param headers the request headers
	 * @return the verdict
	 */
	Mono<Verdict> check(RequestHeaders headers) {
		PresentedCredentials credentials = this.credentialsReader.read(headers);
		String apiKey = credentials.apiKey();
		if (apiKey == null) {
			return Mono.just(reject(credentials.failure()));
		}
		Mono<String> answer;
		try {
			answer = this.authenticator.identify(apiKey);
		}
		catch (RuntimeException ex) {
			// An authenticator that throws instead of returning an error.
			return Mono.just(unavailable(ex));
		}
		if (answer instanceof Fuseable.ScalarCallable<?> known) {
			// Answered already, as the configured keys are: no timer to schedule.
			return Mono.just(decide(known));
		}
		return answer.timeout(this.authenticatorTimeout)
			.map(this::accept)
			.switchIfEmpty(Mono.fromSupplier(() -> reject(AuthenticationFailure.INVALID_KEY)))
			.onErrorResume((ex) -> Mono.just(unavailable(ex)));
	}

	private Verdict decide(Fuseable.ScalarCallable<?> answer) {
		try {
			Object keyName = answer.call();
			return (keyName != null) ? accept(keyName.toString()) : reject(AuthenticationFailure.INVALID_KEY);
		}
		catch (Exception ex) {
			return unavailable(ex);
		}
	}

	private Verdict accept(String keyName) {
		if (logger.isDebugEnabled()) {
			logger.debug("Accepted a metrics request with the key named '" + keyName + "'");
		}
		this.listener.accepted(keyName);
		return Verdict.ACCEPTED;
	}

	private Verdict reject(AuthenticationFailure failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rejected a metrics request: " + failure.getReason());
		}
		this.listener.rejected(failure);
		return Verdict.unauthorized(failure);
	}

	private Verdict unavailable(Throwable ex) {
		this.listener.unavailable(ex);
		warnAtMostEveryTenSeconds(ex);
		return Verdict.UNAVAILABLE;
	}

	// Only the exception's type: its message may carry the key. At most one line every
	// ten seconds, so that a flood of requests cannot flood the log.
	private void warnAtMostEveryTenSeconds(Throwable ex) {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= WARNING_INTERVAL_NANOS && this.lastWarning.compareAndSet(last, now)) {
			String cause = (ex instanceof TimeoutException) ? "did not answer within " + this.authenticatorTimeout
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
