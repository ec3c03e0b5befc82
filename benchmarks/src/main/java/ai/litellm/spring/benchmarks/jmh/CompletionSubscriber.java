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
