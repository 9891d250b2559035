package dev.influence4j.benchmarks.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security of a typical shop, added to {@link IntakeShop} with {@code security=true}: every page needs a
 * login, with a login form and CSRF protection on; influence4j leaves its webhook path out of it. A class of
 * its own, not a nested one, because Spring registers nested configuration classes with their outer class,
 * and the {@code security=false} shop has no Spring Security to load it with.
 */
@Configuration(proxyBeanMethods = false)
class ShopSecurity {

	@Bean
	SecurityFilterChain shopSecurityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService shopUsers() {
		return new InMemoryUserDetailsManager(
				User.withUsername("shopper").password("{noop}not-used-by-the-benchmark").roles("CUSTOMER").build());
	}

}
