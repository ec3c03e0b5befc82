package ai.litellm.spring.benchmarks.filters;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A filter that does nothing but call the rest of the chain: what remains of a filter's
 * cost is the framework's own per-filter work.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class PassThroughWebFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public String toString() {
		return "PassThroughWebFilter";
	}

}
