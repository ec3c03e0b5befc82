package ai.litellm.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A LiteLLM-proxy-like WebFlux application whose {@code /metrics} endpoint is guarded by
 * the starter, configured only through {@code application.yml}.
 *
 * @author LiteLLM Spring Boot contributors
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
