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

package ai.litellm.spring.metrics.servlet;

import java.io.IOException;

import ai.litellm.spring.metrics.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a rejecting {@link Verdict} straight to a servlet response, without throwing an
 * exception and without calling anything downstream.
 *
 * @author LiteLLM Spring Boot contributors
 */
final class ServletVerdictWriter {

	private ServletVerdictWriter() {
	}

	static void write(Verdict verdict, HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body = verdict.body();
		response.setStatus(verdict.status());
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.setHeader("Cache-Control", "no-store");
		for (Verdict.Header header : verdict.headers()) {
			response.addHeader(header.name(), header.value());
		}
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
		response.flushBuffer();
	}

}
