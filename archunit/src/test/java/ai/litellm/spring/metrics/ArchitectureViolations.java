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

import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import jakarta.servlet.http.HttpServletRequest;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Classes in the core package that break the architecture, one way each, for
 * {@code ArchitectureTests}; and one that does not.
 */
public final class ArchitectureViolations {

	private ArchitectureViolations() {
	}

	public static final class ReadsTheExchange {

		boolean isMetrics(ServerWebExchange exchange) {
			return exchange.getRequest().getPath().value().startsWith("/metrics");
		}

	}

	public static final class ReadsAReactiveRequest {

		boolean isMetrics(ServerHttpRequest request) {
			return request.getPath().value().startsWith("/metrics");
		}

	}

	public static final class UsesWebFlux {

		boolean isMetrics(ServerRequest request) {
			return request.path().startsWith("/metrics");
		}

	}

	public static final class UsesReactor {

		Mono<Boolean> isMetrics(String path) {
			return Mono.just(path.startsWith("/metrics"));
		}

	}

	public static final class UsesTheServletApi {

		boolean isMetrics(HttpServletRequest request) {
			return request.getRequestURI().startsWith("/metrics");
		}

	}

	public static final class UsesSpringBoot {

		boolean isReactive(WebApplicationType type) {
			return type == WebApplicationType.REACTIVE;
		}

	}

	/**
	 * A core class that knows an adapter: the adapter knows the core, so the two packages
	 * form a cycle.
	 */
	public static final class KnowsAnAdapter {

		String filterName(MetricsAuthWebFilter filter) {
			return filter.toString();
		}

	}

	/**
	 * What the core may read: spring-web's parsed path, in
	 * {@code org.springframework.http.server}, which both stacks parse.
	 */
	public static final class None {

		boolean isMetrics(PathContainer path) {
			return path.value().startsWith("/metrics");
		}

		boolean isMetrics(RequestPath path) {
			return isMetrics(path.pathWithinApplication());
		}

	}

}
