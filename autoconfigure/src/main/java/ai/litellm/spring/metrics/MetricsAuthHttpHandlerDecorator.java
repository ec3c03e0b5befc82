package ai.litellm.spring.metrics;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * {@link HttpHandler} that applies the {@link MetricsGuard} around a whole application's
 * handler, one level below the {@code WebFilter} chain.
 * <p>
 * Spring wraps every {@code WebFilter} call in operators of its own; a handler decorator
 * is not wrapped, so for a request that is not on a metrics path this adapter costs one
 * path check and a plain delegation.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class MetricsAuthHttpHandlerDecorator implements HttpHandler {

	private final MetricsGuard guard;

	private final HttpHandler delegate;

	/**
	 * Create a decorator.
	 * @param guard the guard to apply
	 * @param delegate the application's handler
	 */
	public MetricsAuthHttpHandlerDecorator(MetricsGuard guard, HttpHandler delegate) {
		this.guard = guard;
		this.delegate = delegate;
	}

	@Override
	public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
		if (!this.guard.isMetricsRequest(request)) {
			return this.delegate.handle(request, response);
		}
		// A supplier: the delegate starts handling as soon as it is called.
		return this.guard.authenticate(request, response, () -> this.delegate.handle(request, response));
	}

	@Override
	public String toString() {
		return "MetricsAuthHttpHandlerDecorator";
	}

}
