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
 * A core class for {@code ArchitectureTests} that knows every stack the core must not and
 * an adapter (which knows the core: a cycle), besides spring-web's parsed path, which the
 * core may read since both stacks parse it.
 */
public final class ArchitectureViolations {

	ServerWebExchange exchange;

	ServerHttpRequest reactiveRequest;

	ServerRequest functionalRequest;

	Mono<Boolean> answer;

	HttpServletRequest servletRequest;

	WebApplicationType applicationType;

	MetricsAuthWebFilter adapter;

	PathContainer path;

	RequestPath requestPath;

}
