package dev.influence4j.sample.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open which page. The catalogue and the cart are open to everyone; checkout, orders and the account
 * page need a login; {@code /admin} needs {@code ROLE_ADMIN}. Form login on {@code /login}, passwords hashed
 * with BCrypt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Where influence4j receives Influence.io's webhooks; the secret in the path authenticates them. */
	static final String WEBHOOKS = "/influence/webhooks/**";

	@Bean
	SecurityFilterChain storeSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/products/**", "/cart", "/cart/**", "/register", "/login", "/css/**",
					"/favicon.ico", "/error")
			.permitAll()
			.requestMatchers(WEBHOOKS)
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			// Influence.io posts webhooks without a session or CSRF token.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(WEBHOOKS))
			.formLogin((login) -> login.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/?loggedOut").permitAll());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
