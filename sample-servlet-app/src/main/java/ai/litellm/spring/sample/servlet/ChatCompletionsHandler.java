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

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers {@code POST /chat/completions} with a small canned OpenAI-style completion,
 * standing in for the proxy's real work.
 *
 * @author LiteLLM Spring Boot contributors
 */
class ChatCompletionsHandler implements HandlerFunction<ServerResponse> {

	static final String COMPLETION = """
			{"id":"chatcmpl-sample","object":"chat.completion","created":1700000000,"model":"sample-model",\
			"choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the sample app."},\
			"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":6,"total_tokens":11}}""";

	@Override
	public ServerResponse handle(ServerRequest request) throws ServletException, IOException {
		// Drain the request body, as a proxy reading the prompt would.
		request.body(byte[].class);
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(COMPLETION);
	}

}
