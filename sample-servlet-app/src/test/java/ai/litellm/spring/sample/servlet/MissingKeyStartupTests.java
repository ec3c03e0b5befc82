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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The servlet sample application refuses to start when auth is required but no key is
 * set, or when the switch is neither true nor false, and says which property to set.
 *
 * @author LiteLLM Spring Boot contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingKeyStartupTests {

	@Test
	void refusesToStartAndNamesThePropertyToSet(CapturedOutput output) {
		// Command-line arguments outrank a LITELLM_MASTER_KEY set in the real
		// environment.
		assertThatException().isThrownBy(
				() -> ServletContainer.TOMCAT.run("--server.port=0", "--LITELLM_MASTER_KEY=", "--litellm.master-key="));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("litellm.master-key")
			.contains("LITELLM_MASTER_KEY");
	}

	@ParameterizedTest
	@ValueSource(strings = { "on", "yes", "1", "ture" })
	void refusesToStartWithASwitchThatIsNeitherTrueNorFalse(String value, CapturedOutput output) {
		assertThatException().isThrownBy(() -> ServletContainer.TOMCAT.run("--server.port=0",
				"--litellm.master-key=sk-sample-Zx81-key", "--litellm.require-auth-for-metrics-endpoint=" + value));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '" + value + "' for 'litellm.require-auth-for-metrics-endpoint'")
			.contains("only true or false")
			.doesNotContain("sk-sample-Zx81-key");
	}

}
