package dev.influence4j.sample.account;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.sample.CommittedEvents;
import dev.influence4j.sample.StoreHttpClient;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration and login over real HTTP, as a browser does them: CSRF tokens, session cookie, redirects.
 */
@StoreTest
class RegistrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository accounts;

	@Autowired
	CommittedEvents committed;

	StoreHttpClient browser;

	@BeforeEach
	void newVisitor() {
		this.browser = new StoreHttpClient(this.port);
		this.committed.clear();
	}

	@Test
	void newCustomerRegistersLogsInAndIsPublished() throws Exception {
		String email = "New.Customer." + System.nanoTime() + "@Example.com";

		HttpResponse<String> registered = this.browser.submit("/register", "/register", "email", email,
				"firstName", "Nina", "lastName", "New", "password", "a-long-password", "passwordRepeat",
				"a-long-password");
		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(this.browser.location(registered)).isEqualTo("/login?registered");
		assertThat(this.browser.get("/login?registered").body()).contains("Your account was created");

		HttpResponse<String> loggedIn = this.browser.logIn(email.toUpperCase(), "a-long-password");
		assertThat(this.browser.location(loggedIn)).isEqualTo("/");
		HttpResponse<String> account = this.browser.get("/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains(email.toLowerCase());

		Account stored = this.accounts.findByEmail(email).orElseThrow();
		assertThat(stored.email()).isEqualTo(email.toLowerCase());
		assertThat(stored.passwordHash()).startsWith("$2").doesNotContain("a-long-password");
		assertThat(this.committed.of(CustomerSavedEvent.class)).extracting(CustomerSavedEvent::customer)
			.containsExactly(InfluenceCustomer.of(Long.toString(stored.id()), email.toLowerCase())
				.withName("Nina", "New"));
	}

	@Test
	void wrongPasswordIsRefused() throws Exception {
		HttpResponse<String> refused = this.browser.logIn(DemoData.CUSTOMER_EMAIL, "not-the-password");

		assertThat(this.browser.location(refused)).isEqualTo("/login?error");
		assertThat(this.browser.get("/login?error").body()).contains("Wrong email or password.");
		assertThat(this.browser.location(this.browser.get("/account"))).endsWith("/login");
	}

	@Test
	void takenEmailIsRefusedWithAMessageAndNothingPublished() throws Exception {
		HttpResponse<String> refused = this.browser.submit("/register", "/register", "email", "JANE@example.com",
				"password", "a-long-password", "passwordRepeat", "a-long-password");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("An account with this email address exists already.");
		assertThat(this.committed.all()).isEmpty();
	}

	@Test
	void differingPasswordsAndABadEmailAreRefusedWithMessages() throws Exception {
		String email = "not-an-email";

		HttpResponse<String> refused = this.browser.submit("/register", "/register", "email", email, "password",
				"a-long-password", "passwordRepeat", "another-password");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Please enter a valid email address.")
			.contains("The two passwords differ.");
		assertThat(this.accounts.findByEmail(email)).isEmpty();
		assertThat(this.committed.all()).isEmpty();
	}

}
