package dev.influence4j.autoconfigure.widget;

import java.util.Collection;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A storefront as a shop would write it: Spring MVC, Thymeleaf and Spring Security, with every page open to
 * guests. Its users are {@link ShopUser}s.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StorefrontTestApplication.ShopController.class)
public class StorefrontTestApplication {

	@Bean
	SecurityFilterChain shopSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
	}

	@Bean
	WebMvcConfigurer pagesWithoutController() {
		return new WebMvcConfigurer() {

			@Override
			public void addViewControllers(ViewControllerRegistry registry) {
				// Served without a controller method, so no model advice runs: the fragment must render nothing.
				registry.addViewController("/no-controller").setViewName("shop/home");
			}

		};
	}

	@Controller
	static class ShopController {

		@GetMapping("/")
		String home() {
			return "shop/home";
		}

		@GetMapping("/plain")
		String plain() {
			return "shop/plain";
		}

	}

	/**
	 * A shop's user that tells influence4j who the customer is; the starter's fresh application uses it too.
	 */
	public record ShopUser(String username, String customerId, String email) implements UserDetails, InfluenceCustomerPrincipal {

		@Override
		public String influenceCustomerId() {
			return this.customerId;
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

	/**
	 * A principal that only has JavaBean getters, as many user entities do.
	 */
	public static class AccountPrincipal {

		private final long id;

		private final String email;

		AccountPrincipal(long id, String email) {
			this.id = id;
			this.email = email;
		}

		public long getId() {
			return this.id;
		}

		public String getEmail() {
			return this.email;
		}

		List<String> roles() {
			return List.of("ROLE_CUSTOMER");
		}

	}

}
