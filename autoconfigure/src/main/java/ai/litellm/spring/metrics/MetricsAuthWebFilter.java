package ai.litellm.spring.metrics;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@link WebFilter} that requires a valid API key on metrics paths and lets every other
 * request through untouched.
 * <p>
 * For a request that is not on a metrics path, which is nearly every request, the filter
 * makes one check on the already parsed request path and returns
 * {@code chain.filter(exchange)}: no operators, no decorators, no header reads, no
 * allocation. Only metrics requests are authenticated; a rejected one is answered with a
 * 401 written directly to the response and never reaches the rest of the chain.
 *
 * @author LiteLLM Spring Boot contributors
 */
public final class MetricsAuthWebFilter implements WebFilter, Ordered {

	/**
	 * Default order: ahead of Spring Security's {@code WebFilterChainProxy} (-100) and of
	 * filters at the default order, so metrics requests are authenticated before anything
	 * else handles them.
	 */
	public static final int DEFAULT_ORDER = -1000;

	private final MetricsPathMatcher metricsPaths;

	private final CredentialsReader credentialsReader;

	private final ApiKeyAuthenticator authenticator;

	private final UnauthorizedResponseWriter unauthorized;

	private final int order;

	/**
	 * Create a filter.
	 * @param metricsPaths which requests are guarded
	 * @param authenticator the check of a presented key
	 * @param order the order of the filter
	 */
	public MetricsAuthWebFilter(MetricsPathMatcher metricsPaths, ApiKeyAuthenticator authenticator, int order) {
		this.metricsPaths = metricsPaths;
		this.credentialsReader = new CredentialsReader();
		this.authenticator = authenticator;
		this.unauthorized = new UnauthorizedResponseWriter();
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.metricsPaths.matches(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		return authenticate(exchange, chain);
	}

	private Mono<Void> authenticate(ServerWebExchange exchange, WebFilterChain chain) {
		PresentedCredentials credentials = this.credentialsReader.read(exchange.getRequest().getHeaders());
		String apiKey = credentials.apiKey();
		if (apiKey == null) {
			return this.unauthorized.write(exchange.getResponse(), credentials.failure());
		}
		return this.authenticator.authenticate(apiKey)
			.defaultIfEmpty(Boolean.FALSE)
			.flatMap((accepted) -> accepted ? chain.filter(exchange)
					: this.unauthorized.write(exchange.getResponse(), AuthenticationFailure.INVALID_KEY));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	// Constant: Spring Framework 7 calls toString() on every request for its checkpoint.
	@Override
	public String toString() {
		return "MetricsAuthWebFilter";
	}

}
