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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Guards on real key rings, a listener that records every outcome, and the verdicts the
 * adapters write, for the tests of the core and of each stack's adapter.
 */
public final class MetricsGuards {

	private MetricsGuards() {
	}

	// A guard of /metrics and /actuator/prometheus that holds one configured key.
	public static MetricsGuard guard(String name, String key, AuthenticationListener listener) {
		return new MetricsGuard(new MetricsPathMatcher(List.of("/metrics", "/actuator/prometheus")),
				new KeyRing(AcceptedKeys.builder().key(name, key, "test").build()), listener);
	}

	public static MetricsGuard acceptingOnly(String key) {
		return guard("master", key, AuthenticationListener.NONE);
	}

	// The verdicts are package-private: the adapters' tests reach them through these.
	public static Verdict unauthorized(AuthenticationFailure failure) {
		return Verdict.unauthorized(failure);
	}

	public static Verdict unavailable() {
		return Verdict.UNAVAILABLE;
	}

	// Every outcome it is told, in order.
	public static final class RecordingListener implements AuthenticationListener {

		public final List<String> accepted = new CopyOnWriteArrayList<>();

		public final List<AuthenticationFailure> rejected = new CopyOnWriteArrayList<>();

		public final List<Throwable> unavailable = new CopyOnWriteArrayList<>();

		@Override
		public void accepted(String keyName) {
			this.accepted.add(keyName);
		}

		@Override
		public void rejected(AuthenticationFailure failure) {
			this.rejected.add(failure);
		}

		@Override
		public void unavailable(Throwable error) {
			this.unavailable.add(error);
		}

	}

}
