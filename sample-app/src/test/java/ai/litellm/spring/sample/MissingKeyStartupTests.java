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
