package ai.litellm.spring.sample;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The sample application's routes: a health check, a canned chat completion and the
 * Prometheus metrics.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
class SampleRoutes {

	@Bean
	RouterFunction<ServerResponse> sampleRouter(PrometheusMeterRegistry registry) {
		PrometheusMetricsHandler metrics = new PrometheusMetricsHandler(registry);
		return RouterFunctions.route()
			.GET("/health", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("ok"))
			.POST("/chat/completions", new ChatCompletionsHandler())
			.GET("/metrics", metrics)
			.build();
	}

}
