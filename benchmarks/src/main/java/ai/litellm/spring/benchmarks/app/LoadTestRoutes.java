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

package ai.litellm.spring.benchmarks.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The two routes under load in the reactive modes. Both do next to no work, so that what
 * differs between modes is the filter setup in front of them.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
class LoadTestRoutes {

	static final String PROMETHEUS_TEXT = "text/plain;version=0.0.4;charset=utf-8";

	static final String METRICS = """
			# HELP bench_up Whether the load-test application is up.
			# TYPE bench_up gauge
			bench_up 1.0
			""";

	@Bean
	RouterFunction<ServerResponse> loadTestRoutes() {
		return RouterFunctions.route()
			.GET("/health", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("ok"))
			.GET("/metrics",
					(request) -> ServerResponse.ok()
						.header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
						.bodyValue(METRICS))
			.build();
	}

}
