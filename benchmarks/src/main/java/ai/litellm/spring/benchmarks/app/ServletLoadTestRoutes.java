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
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The two routes under load in the servlet modes, on Spring MVC's functional endpoints:
 * the same responses as {@link LoadTestRoutes}, for the same reason.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
class ServletLoadTestRoutes {

	@Bean
	RouterFunction<ServerResponse> servletLoadTestRoutes() {
		return RouterFunctions.route()
			.GET("/health", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).body("ok"))
			.GET("/metrics",
					(request) -> ServerResponse.ok()
						.header(HttpHeaders.CONTENT_TYPE, LoadTestRoutes.PROMETHEUS_TEXT)
						.body(LoadTestRoutes.METRICS))
			.build();
	}

}
