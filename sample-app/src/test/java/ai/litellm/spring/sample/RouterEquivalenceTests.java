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

import java.util.List;

import ai.litellm.spring.test.AbstractRouterEquivalenceTests;
import ai.litellm.spring.test.AbstractRouterEquivalenceTests.Setting;
import org.junit.jupiter.api.Nested;

/**
 * {@link AbstractRouterEquivalenceTests} of the WebFlux sample app as it is, with either
 * adapter, and with actuator paths that hold a {@code ;} or a {@code %}, which Spring
 * maps literally: {@code prom;x} is reached as {@code /actuator/prom%3Bx}.
 */
class RouterEquivalenceTests {

	private static Setting asItIs(WebFluxSampleApp app) {
		return Setting.of(app, List.of("/metrics", "/actuator/prometheus", "/%6Detrics", "/metrics;a=b",
				"/actuator;x/%70rometheus", "/metrics?x"), List.of("/health"));
	}

	@Nested
	class WithWebFilter extends AbstractRouterEquivalenceTests {

		WithWebFilter() {
			super(asItIs(WebFluxSampleApp.WEB_FILTER));
		}

	}

	@Nested
	class WithHttpHandler extends AbstractRouterEquivalenceTests {

		WithHttpHandler() {
			super(asItIs(WebFluxSampleApp.HTTP_HANDLER));
		}

	}

	@Nested
	class WithAPrometheusPathHoldingASemicolon extends AbstractRouterEquivalenceTests {

		WithAPrometheusPathHoldingASemicolon() {
			super(asItIs(WebFluxSampleApp.WEB_FILTER).withPrometheusAt("prom;x", "/actuator/prom%3Bx",
					"/actuator/prom%3bx"));
		}

	}

	@Nested
	class WithAPrometheusPathHoldingAPercentSign extends AbstractRouterEquivalenceTests {

		WithAPrometheusPathHoldingAPercentSign() {
			super(asItIs(WebFluxSampleApp.HTTP_HANDLER).withPrometheusAt("prom%2Fx", "/actuator/prom%252Fx"));
		}

	}

}
