package dev.influence4j.autoconfigure.operations;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A shop with the starter, the actuator and H2, as the operations tests start it. Spring Security is on the
 * test class path; this shop lets every request through, so that the tests are about the endpoint (the sample
 * store shows an operator-only setup).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OperationsTestApplication {

	@Bean
	SecurityFilterChain everyoneMayOperate(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
