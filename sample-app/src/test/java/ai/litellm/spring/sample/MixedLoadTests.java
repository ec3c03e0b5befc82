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

import java.util.Map;

import ai.litellm.spring.test.MixedLoad;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MixedLoad} on loopback per adapter: every one of its 10,000 requests must get
 * exactly the expected status and body, with no 5xx, and (through the leak-detection
 * extension) without a leaked buffer.
 */
class MixedLoadTests {

	@Nested
	class WithWebFilter extends Scenarios {

	}

	@Nested
	@TestPropertySource(properties = SampleAppScenarios.HTTP_HANDLER)
	class WithHttpHandler extends Scenarios {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "litellm.master-key=" + SampleAppScenarios.KEY)
	abstract static class Scenarios extends SampleAppScenarios {

		@Test
		void answersEveryRequestOfAMixedLoadAsExpected() throws Exception {
			MixedLoad load = new MixedLoad(SampleAppScenarios.KEY);
			Map<String, Long> counts = load.send(this.port);
			System.out.printf("Mixed load (%s): %s%n", this.adapter, counts);
			assertThat(counts).isEqualTo(load.expected());
		}

	}

}
