package dev.influence4j.autoconfigure.starter;

import java.util.Collection;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.influence4j.autoconfigure.widget.InfluenceCustomerPrincipal;

/**
 * A fresh Spring Boot web application as a shop starts it: Spring MVC, Thymeleaf and Spring Security with
 * Boot's defaults (every page needs a login), one page that includes the widget fragment, and its users. Nothing
 * of influence4j is configured in code.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FreshShopApplication.AccountController.class)
class FreshShopApplication {

	@Bean
	UserDetailsService customers() {
		return (username) -> {
			if (!username.equals("example")) {
				throw new UsernameNotFoundException(username);
			}
			return new Customer("example", "external-123", "Example@Example.com");
		};
	}

	@Controller
	static class AccountController {

		@GetMapping("/account")
		String account() {
			return "starter/index";
		}

	}

	record Customer(String username, String id, String email) implements UserDetails, InfluenceCustomerPrincipal {

		@Override
		public String influenceCustomerId() {
			return this.id;
		}

		@Override
		public String influenceCustomerEmail() {
			return this.email;
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return AuthorityUtils.createAuthorityList("ROLE_CUSTOMER");
		}

		@Override
		public String getPassword() {
			return "{noop}secret";
		}

		@Override
		public String getUsername() {
			return this.username;
		}

	}

}
