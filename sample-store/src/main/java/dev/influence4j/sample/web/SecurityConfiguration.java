package dev.influence4j.sample.web;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open which page. The catalogue and the cart are open to everyone; checkout, orders and the account
 * page need a login; {@code /admin} needs {@code ROLE_ADMIN}. Of the actuator, {@code /actuator/health} is open
 * (probes do not log in; its details are for the admin only, see {@code application.yml}) and every other
 * endpoint, {@code /actuator/influence} included, needs {@code ROLE_ADMIN}, with HTTP Basic for scripts. Form
 * login on {@code /login}, passwords hashed with BCrypt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The actuator, for operators' scripts and probes: HTTP Basic with the admin's login (or the admin's browser
	 * session), no CSRF token (the endpoints answer 415 to anything but JSON, which no page of another site can
	 * send without the browser asking this store first), {@code /actuator/health} open.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain storeSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/products/**", "/cart", "/cart/**", "/register", "/login", "/css/**",
					"/favicon.ico", "/error")
			.permitAll()
			// influence4j's JSON widget context answers 401 to guests itself (no login redirect for scripts).
			.requestMatchers("/influence/customer-context")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((login) -> login.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/?loggedOut").permitAll());
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

}
