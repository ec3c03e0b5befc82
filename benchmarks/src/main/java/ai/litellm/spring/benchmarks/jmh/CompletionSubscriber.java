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

package ai.litellm.spring.benchmarks.jmh;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * Subscribes to the {@code Mono<Void>} a filter returns, without allocating, and counts
 * how it ended. A Mono that is not subscribed does nothing, so a benchmark that only
 * assembled it would measure half of the work.
 * <p>
 * One instance serves many subscriptions in a row. Reactive Streams asks for one
 * subscriber per subscription; that is safe here because every pipeline under test
 * completes synchronously, before the next subscription starts, which
 * {@link #completions()} lets tests check.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class CompletionSubscriber implements CoreSubscriber<Void> {

	private long completions;

	private long errors;

	private @Nullable Throwable lastError;

	@Override
	public void onSubscribe(Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(Void value) {
		// A Mono<Void> never emits.
	}

	@Override
	public void onError(Throwable error) {
		this.errors++;
		this.lastError = error;
	}

	@Override
	public void onComplete() {
		this.completions++;
	}

	/**
	 * Return how many subscriptions completed.
	 * @return the number of completions
	 */
	public long completions() {
		return this.completions;
	}

	/**
	 * Fail if any subscription ended with an error.
	 * @throws IllegalStateException naming the last error
	 */
	public void assertNoErrors() {
		if (this.errors > 0) {
			throw new IllegalStateException(this.errors + " subscriptions failed", this.lastError);
		}
	}

}
