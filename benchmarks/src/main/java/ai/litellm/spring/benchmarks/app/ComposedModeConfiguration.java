package ai.litellm.spring.benchmarks.app;

import java.util.List;

import ai.litellm.spring.benchmarks.filters.ComposedMetricsAuthWebFilter;
import ai.litellm.spring.benchmarks.filters.PassThroughWebFilter;
import ai.litellm.spring.metrics.DigestApiKeyAuthenticator;
import ai.litellm.spring.metrics.MetricsPathMatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The "before" setup of LiteLLM's experiment: one filter in the heavy composition style
 * and one pure pass-through filter.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
class ComposedModeConfiguration {

	@Bean
	ComposedMetricsAuthWebFilter composedMetricsAuthWebFilter() {
		return new ComposedMetricsAuthWebFilter(new MetricsPathMatcher(List.of("/metrics")),
				DigestApiKeyAuthenticator.of(List.of(LoadTestApplication.API_KEY), List.of()));
	}

	@Bean
	PassThroughWebFilter passThroughWebFilter() {
		return new PassThroughWebFilter();
	}

}
