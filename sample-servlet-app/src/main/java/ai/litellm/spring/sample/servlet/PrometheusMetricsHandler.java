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

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the application's {@link PrometheusMeterRegistry} in the exposition format the
 * scraper asks for in its {@code Accept} header, as a Prometheus server negotiates it.
 *
 * @author LiteLLM Spring Boot contributors
 */
class PrometheusMetricsHandler implements HandlerFunction<ServerResponse> {

	private final PrometheusMeterRegistry registry;

	private final ExpositionFormats formats = ExpositionFormats.init();

	PrometheusMetricsHandler(PrometheusMeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ServerResponse handle(ServerRequest request) throws IOException {
		ExpositionFormatWriter writer = this.formats.findWriter(request.headers().firstHeader(HttpHeaders.ACCEPT));
		ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
		writer.write(body, this.registry.getPrometheusRegistry().scrape());
		return ServerResponse.ok().header(HttpHeaders.CONTENT_TYPE, writer.getContentType()).body(body.toByteArray());
	}

}
