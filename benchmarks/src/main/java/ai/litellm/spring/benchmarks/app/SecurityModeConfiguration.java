package ai.litellm.spring.benchmarks.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Spring Security guarding {@code /metrics} with HTTP Basic and permitting everything
 * else, configured the way its reference documentation shows. The JMH benchmarks build
 * their {@code WebFilterChainProxy} from this same class.
 *
 * @author LiteLLM Spring Boot contributors
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityModeConfiguration {

	@Bean
	SecurityWebFilterChain metricsSecurityFilterChain(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/metrics", "/metrics/**")
				.authenticated()
				.anyExchange()
				.permitAll())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	MapReactiveUserDetailsService prometheusUser() {
		return new MapReactiveUserDetailsService(User.withUsername(LoadTestApplication.USER)
			.password("{noop}" + LoadTestApplication.API_KEY)
			.roles("METRICS")
			.build());
	}

}
