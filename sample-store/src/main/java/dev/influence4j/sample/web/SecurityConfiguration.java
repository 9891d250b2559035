package dev.influence4j.sample.web;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may open which page. The catalogue and the cart are open to everyone; checkout, orders and the account
 * page need a login; {@code /admin} needs {@code ROLE_ADMIN}. Of the actuator, {@code /actuator/health} is open
 * (probes do not log in; its details are for the admin only, see {@code application.yml}) and every other
 * endpoint, {@code /actuator/influence} included, needs {@code ROLE_ADMIN} over HTTP Basic (the actuator keeps
 * no session: a browser's login does not reach it). Form login on {@code /login}, passwords hashed with BCrypt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The actuator, for operators' scripts and probes: stateless, HTTP Basic with the admin's login on every
	 * request, {@code /actuator/health} open. No session is read or made here, so the admin's browser session
	 * authenticates nothing: a page of another site that makes the admin's browser post to
	 * {@code /actuator/influence/dead-letters/42} (a form post is accepted there, the operation having no body to
	 * need JSON) is answered 401, and no CSRF token is needed. The 401 asks for no Basic login
	 * ({@code WWW-Authenticate}), so that no browser prompts for the admin's password and then sends it with
	 * such a post by itself; scripts send it unasked ({@code curl -u}).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
