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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The sample application refuses to start when auth is required but no key is set, and
 * says which property to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingKeyStartupTests {

	@Test
	void refusesToStartAndNamesThePropertyToSet(CapturedOutput output) {
		// Command-line arguments outrank a LITELLM_MASTER_KEY set in the real
		// environment.
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class)
			.run("--server.port=0", "--LITELLM_MASTER_KEY=", "--litellm.master-key="));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("litellm.master-key")
			.contains("LITELLM_MASTER_KEY");
	}

}
