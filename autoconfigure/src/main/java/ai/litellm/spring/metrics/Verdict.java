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

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the guard decided for a metrics request: let it through, answer it with a
 * precomputed error response in LiteLLM's error shape, or ask the application's key store
 * about the key.
 *
 * @author LiteLLM Spring Boot contributors
 * @since 0.1.0
 */
public final class Verdict {

	static final String BEARER_CHALLENGE = "Bearer realm=\"metrics\"";

	static final String BASIC_CHALLENGE = "Basic realm=\"metrics\", charset=\"UTF-8\"";

	static final String RETRY_AFTER_SECONDS = "5";

	static final Verdict ACCEPTED = new Verdict(0, List.of(), new byte[0], null);

	// The key store failed, timed out or is saturated.
	static final Verdict UNAVAILABLE = new Verdict(503, List.of(new Header("Retry-After", RETRY_AFTER_SECONDS)),
			body("Metrics authentication is temporarily unavailable. Retry later.", "auth_unavailable", 503), null);

	private static final Map<AuthenticationFailure, Verdict> UNAUTHORIZED = new EnumMap<>(AuthenticationFailure.class);

	static {
		List<Header> challenges = List.of(new Header("WWW-Authenticate", BEARER_CHALLENGE),
				new Header("WWW-Authenticate", BASIC_CHALLENGE));
		for (AuthenticationFailure failure : AuthenticationFailure.values()) {
			UNAUTHORIZED.put(failure,
					new Verdict(401, challenges, body("Unauthorized access to metrics endpoint: " + failure.getReason()
							+ ". To allow unauthenticated access, set litellm.require-auth-for-metrics-endpoint=false.",
							"auth_error", 401), null));
		}
	}

	private final int status;

	private final List<Header> headers;

	private final byte[] body;

	private final @Nullable String keyToLookUp;

	private Verdict(int status, List<Header> headers, byte[] body, @Nullable String keyToLookUp) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.keyToLookUp = keyToLookUp;
	}

	static Verdict unauthorized(AuthenticationFailure failure) {
		return UNAUTHORIZED.get(failure);
	}

	static Verdict lookUp(String apiKey) {
		return new Verdict(0, List.of(), new byte[0], apiKey);
	}

	private static byte[] body(String message, String type, int status) {
		return ("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":\""
				+ status + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return whether the request may proceed.
	 * @return {@code true} if it was authenticated
	 */
	public boolean isAccepted() {
		return this == ACCEPTED;
	}

	/**
	 * Return the key for the application's key store to decide on
	 * ({@link MetricsGuard#answer(AuthenticatedKey)}).
	 * @return the presented key, or {@code null} if this verdict is final
	 */
	public @Nullable String keyToLookUp() {
		return this.keyToLookUp;
	}

	/**
	 * Return the status of the error response.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return the headers of the error response besides {@code Content-Type},
	 * {@code Content-Length} and {@code Cache-Control: no-store}.
	 * @return the headers
	 */
	public List<Header> headers() {
		return this.headers;
	}

	/**
	 * Return the JSON body of the error response. Not to be modified.
	 * @return the body
	 */
	public byte[] body() {
		return this.body;
	}

	@Override
	public String toString() {
		// Never print the key.
		return isAccepted() ? "Verdict[accepted]"
				: (this.keyToLookUp != null) ? "Verdict[look up]" : "Verdict[" + this.status + "]";
	}

	/**
	 * A header of an error response.
	 *
	 * @param name the header's name
	 * @param value its value
	 */
	public record Header(String name, String value) {

	}

}
