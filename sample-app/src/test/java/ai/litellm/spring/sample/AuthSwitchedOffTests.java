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

import ai.litellm.spring.metrics.reactive.MetricsAuthWebFilter;
import ai.litellm.spring.test.RawHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code litellm.require-auth-for-metrics-endpoint=false} nothing is registered and
 * metrics are open, even without any key configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "litellm.require-auth-for-metrics-endpoint=false", "litellm.metrics-auth.adapter=http-handler" })
class AuthSwitchedOffTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void registersNeitherAdapter() {
		assertThat(this.context.getBeansOfType(MetricsAuthWebFilter.class)).isEmpty();
		assertThat(this.context.getBeansOfType(HttpHandlerDecoratorFactory.class)).isEmpty();
	}

	@Test
	void servesMetricsWithoutAKey() {
		RawHttpClient.RawResponse response = new RawHttpClient(this.port).send("GET", "/metrics");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("# TYPE jvm_");
	}

}
