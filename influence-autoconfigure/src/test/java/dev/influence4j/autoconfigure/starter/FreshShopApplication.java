package dev.influence4j.autoconfigure.starter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.influence4j.autoconfigure.widget.StorefrontTestApplication.ShopUser;

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
			return new ShopUser("example", "external-123", "Example@Example.com");
		};
	}

	@Controller
	static class AccountController {

		@GetMapping("/account")
		String account() {
			return "starter/index";
		}

	}

}
