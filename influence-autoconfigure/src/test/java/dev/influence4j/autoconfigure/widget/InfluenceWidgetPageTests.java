package dev.influence4j.autoconfigure.widget;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.influence4j.autoconfigure.widget.StorefrontTestApplication.AccountPrincipal;
import dev.influence4j.autoconfigure.widget.StorefrontTestApplication.ShopUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages of a storefront rendering {@code influence/widget :: init} for guests and customers, and the customer
 * context endpoint.
 */
@SpringBootTest(classes = StorefrontTestApplication.class,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl",
				"influence.widget.script-url=https://widgets.example/influence.js?v=1&amp=2" })
@AutoConfigureMockMvc
class InfluenceWidgetPageTests {

	static final String KNOWN_DIGEST = "412dab0de9cad9d7788089ea6563dd12eea9f6cd6af0826d21e7dc6438b2fa7d";

	static final ShopUser EXAMPLE_CUSTOMER = new ShopUser("example", "external-123", "Example@Example.com");

	@Autowired
	private MockMvc mvc;

	@Test
	void aGuestGetsTheWidgetElementWithoutCustomerAttributes() throws Exception {
		String page = page(this.mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

		assertThat(page).contains("<div class=\"influenceio-widgets-init\" data-shop=\"example-com\" "
				+ "data-base-url=\"https://launcher.api.influence.io/launcher\"></div>")
			.doesNotContain("data-customer-");
	}

	@Test
	void aLoggedInCustomerGetsLowercasedEmailIdAndTheKnownDigest() throws Exception {
		String page = page(this.mvc.perform(get("/").with(user(EXAMPLE_CUSTOMER))).andExpect(status().isOk()).andReturn());

		assertThat(page).contains("<div class=\"influenceio-widgets-init\" data-shop=\"example-com\" "
				+ "data-base-url=\"https://launcher.api.influence.io/launcher\" data-customer-email=\"example@example.com\" "
				+ "data-customer-id=\"external-123\" data-customer-digest=\"" + KNOWN_DIGEST + "\"></div>");
	}

	@Test
	void theScriptTagIsRenderedWithItsUrlEscaped() throws Exception {
		String page = page(this.mvc.perform(get("/")).andReturn());

		assertThat(page).contains("<script src=\"https://widgets.example/influence.js?v=1&amp;amp=2\" defer></script>");
	}

	@Test
	void htmlSpecialCharactersInEmailAndIdAreEscaped() throws Exception {
		ShopUser hostile = new ShopUser("hostile", "x\"><script>alert(1)</script>", "O'Brien&<b>@Example.com");

		String page = page(this.mvc.perform(get("/").with(user(hostile))).andReturn());

		assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>");
		assertThat(page).contains("data-customer-id=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
			.contains("data-customer-email=\"o&#39;brien&amp;&lt;b&gt;@example.com\"");
	}

	@Test
	void aPrincipalWithIdAndEmailGettersIsRecognised() throws Exception {
		AccountPrincipal account = new AccountPrincipal(42, "Jane@Example.com");
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(account, null,
				AuthorityUtils.createAuthorityList(account.roles().toArray(String[]::new)));

		String page = page(this.mvc.perform(get("/").with(authentication(login))).andReturn());

		assertThat(page).contains("data-customer-email=\"jane@example.com\"").contains("data-customer-id=\"42\"");
	}

	@Test
	void aPrincipalWithoutEmailRendersTheGuestElementWithoutFailing() throws Exception {
		String page = page(this.mvc.perform(get("/").with(user("staff").roles("ADMIN"))).andExpect(status().isOk()).andReturn());

		assertThat(page).contains("influenceio-widgets-init").doesNotContain("data-customer-");
	}

	@Test
	void aPageWithADigestIsPrivateAndNeverStored() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(user(EXAMPLE_CUSTOMER))).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(page(result)).contains("data-customer-digest=\"" + KNOWN_DIGEST + "\"");
		assertThat(result.getResponse().getHeaders(HttpHeaders.CACHE_CONTROL)).containsExactly("private, no-store");
	}

	@Test
	void aGuestPageKeepsTheCacheControlOfTheShopsSecurity() throws Exception {
		MvcResult result = this.mvc.perform(get("/")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(page(result)).contains("influenceio-widgets-init").doesNotContain("data-customer-");
		// Spring Security's default for every response; influence4j leaves a page without a digest alone.
		assertThat(result.getResponse().getHeaders(HttpHeaders.CACHE_CONTROL))
			.containsExactly("no-cache, no-store, max-age=0, must-revalidate");
	}

	@Test
	void aPageServedWithoutAControllerRendersNoWidget() throws Exception {
		String page = page(this.mvc.perform(get("/no-controller")).andExpect(status().isOk()).andReturn());

		assertThat(page).contains("Example shop").doesNotContain("influenceio-widgets-init").doesNotContain("<script");
	}

	@Test
	void otherTemplatesReadTheModelAttribute() throws Exception {
		String page = page(this.mvc.perform(get("/plain").with(user(EXAMPLE_CUSTOMER))).andReturn());

		assertThat(page).contains("<p id=\"shop\">example-com</p>")
			.contains("<p id=\"email\">example@example.com</p>")
			.contains("<p id=\"logged-in\">true</p>");
	}

	@Test
	void theCustomerContextEndpointAnswersTheLoggedInCustomersContext() throws Exception {
		this.mvc.perform(get("/influence/customer-context").with(user(EXAMPLE_CUSTOMER)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
			.andExpect(jsonPath("$.shopKey").value("example-com"))
			.andExpect(jsonPath("$.baseUrl").value("https://launcher.api.influence.io/launcher"))
			.andExpect(jsonPath("$.scriptUrl").value("https://widgets.example/influence.js?v=1&amp=2"))
			.andExpect(jsonPath("$.customerEmail").value("example@example.com"))
			.andExpect(jsonPath("$.customerId").value("external-123"))
			.andExpect(jsonPath("$.customerDigest").value(KNOWN_DIGEST));
	}

	@Test
	void theCustomerContextEndpointAnswers401ToAGuestAndIsNeverCached() throws Exception {
		this.mvc.perform(get("/influence/customer-context"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"));
	}

	private static String page(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

}
