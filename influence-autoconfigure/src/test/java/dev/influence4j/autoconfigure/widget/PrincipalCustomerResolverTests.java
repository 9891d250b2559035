package dev.influence4j.autoconfigure.widget;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.influence4j.digest.CustomerIdentity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the default resolver takes the customer to be, and what it says at debug level when there is none.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrincipalCustomerResolverTests {

	private final PrincipalCustomerResolver resolver = new PrincipalCustomerResolver();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel(PrincipalCustomerResolver.class.getName(), null);
	}

	@Test
	void aCustomerPrincipalIsTheCustomer() {
		logIn(new ShopPrincipal("42", "Jane@Example.com"));

		assertThat(this.resolver.resolve(new MockHttpServletRequest()))
			.hasValue(new CustomerIdentity("42", "Jane@Example.com"));
	}

	@Test
	void aCustomerPrincipalWithoutIdIsAGuestAndTheDebugLineDoesNotAskToImplementTheInterface(CapturedOutput output) {
		debug();
		logIn(new ShopPrincipal(null, "admin@example.com"));

		assertThat(this.resolver.resolve(new MockHttpServletRequest())).isEmpty();
		assertThat(output).contains("ShopPrincipal gives no customer id or email: it is no customer")
			.doesNotContain("Implement InfluenceCustomerPrincipal");
	}

	@Test
	void anyOtherPrincipalWithoutIdAndEmailIsAGuestAndTheDebugLineSaysWhatToImplement(CapturedOutput output) {
		debug();
		logIn("just-a-user-name");

		assertThat(this.resolver.resolve(new MockHttpServletRequest())).isEmpty();
		assertThat(output).contains("java.lang.String offers no customer id and email")
			.contains("Implement InfluenceCustomerPrincipal");
	}

	private static void debug() {
		LoggingSystem.get(PrincipalCustomerResolverTests.class.getClassLoader())
			.setLogLevel(PrincipalCustomerResolver.class.getName(), LogLevel.DEBUG);
	}

	private static void logIn(Object principal) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
					List.of(new SimpleGrantedAuthority("ROLE_USER"))));
	}

	record ShopPrincipal(@Nullable String id, @Nullable String email) implements InfluenceCustomerPrincipal {

		@Override
		public @Nullable String influenceCustomerId() {
			return this.id;
		}

		@Override
		public @Nullable String influenceCustomerEmail() {
			return this.email;
		}

	}

}
