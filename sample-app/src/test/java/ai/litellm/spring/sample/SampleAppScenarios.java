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

package ai.litellm.spring.sample;

import java.time.Duration;

import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.test.RawHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests that run against the sample app on a real server once per
 * way of plugging the guard in: each test class declares a {@code @Nested} subclass for
 * the WebFilter and one with {@link #HTTP_HANDLER} for the HttpHandler decorator.
 */
public abstract class SampleAppScenarios {

	static final String KEY = "sk-sample-Zx81-key";

	static final String HTTP_HANDLER = "litellm.metrics-auth.adapter=http-handler";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Value("${litellm.metrics-auth.adapter:web-filter}")
	String adapter;

	@Test
	void guardsWithTheAdapterUnderTest() {
		boolean httpHandler = "http-handler".equals(this.adapter);
		assertThat(this.context.getBeansOfType(MetricsAuthWebFilter.class)).hasSize(httpHandler ? 0 : 1);
		assertThat(this.context.getBeansOfType(HttpHandlerDecoratorFactory.class)).hasSize(httpHandler ? 1 : 0);
	}

	WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	public RawHttpClient raw() {
		return new RawHttpClient(this.port);
	}

}
