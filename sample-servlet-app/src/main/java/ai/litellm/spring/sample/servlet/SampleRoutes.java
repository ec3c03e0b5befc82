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

package ai.litellm.spring.sample.servlet;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The sample application's routes: a health check, a canned chat completion and the
 * Prometheus metrics.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
class SampleRoutes {

	@Bean
	RouterFunction<ServerResponse> sampleRouter(PrometheusMeterRegistry registry) {
		PrometheusMetricsHandler metrics = new PrometheusMetricsHandler(registry);
		return RouterFunctions.route()
			.GET("/health", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).body("ok"))
			.POST("/chat/completions", new ChatCompletionsHandler())
			.GET("/metrics", metrics)
			.build();
	}

}
