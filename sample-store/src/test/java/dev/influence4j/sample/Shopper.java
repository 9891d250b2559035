package dev.influence4j.sample;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One visitor of the store through MockMvc: a session of their own (the cart lives there), real
 * registration and form login, and the store's forms posted with a CSRF token, as a browser would.
 */
public final class Shopper {

	private static final AtomicInteger counter = new AtomicInteger();

	private final MockMvc mvc;

	private final MockHttpSession session;

	private final String email;

	private final String password;

	private Shopper(MockMvc mvc, String email, String password) {
		this(mvc, new MockHttpSession(), email, password);
	}

	private Shopper(MockMvc mvc, MockHttpSession session, String email, String password) {
		this.mvc = mvc;
		this.session = session;
		this.email = email;
		this.password = password;
	}

	/**
	 * A visitor who has not logged in.
	 * @param mvc the store
	 * @return the visitor
	 */
	public static Shopper anonymous(MockMvc mvc) {
		return new Shopper(mvc, "nobody@example.com", "none");
	}

	/**
	 * A new customer's email and password, registered through the registration page but not logged in.
	 * @param mvc the store
	 * @return the email and the password
	 * @throws Exception when a request fails
	 */
	public static String[] newAccount(MockMvc mvc) throws Exception {
		String email = "shopper-" + counter.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
		String password = "correct-horse-battery";
		mvc.perform(post("/register").with(csrf())
			.param("email", email)
			.param("firstName", "Sam")
			.param("lastName", "Shopper")
			.param("password", password)
			.param("passwordRepeat", password))
			.andExpect(redirectedUrl("/login?registered"));
		return new String[] { email, password };
	}

	/**
	 * A new customer: registered through the registration page and logged in.
	 * @param mvc the store
	 * @return the customer
	 * @throws Exception when a request fails
	 */
	public static Shopper registered(MockMvc mvc) throws Exception {
		String[] account = newAccount(mvc);
		return new Shopper(mvc, account[0], account[1]).logIn();
	}

	/**
	 * An existing account, logged in.
	 * @param mvc the store
	 * @param email the login
	 * @param password the password
	 * @return the visitor
	 * @throws Exception when a request fails
	 */
	public static Shopper loggedIn(MockMvc mvc, String email, String password) throws Exception {
		return new Shopper(mvc, email, password).logIn();
	}

	/**
	 * Log in within this visitor's session (the cart stays).
	 * @param email the login
	 * @param password the password
	 * @return the logged-in visitor, sharing this one's session
	 * @throws Exception when a request fails or the login is refused
	 */
	public Shopper logInAs(String email, String password) throws Exception {
		return new Shopper(this.mvc, this.session, email, password).logIn();
	}

	private Shopper logIn() throws Exception {
		this.mvc.perform(post("/login").session(this.session).with(csrf())
			.param("username", this.email)
			.param("password", this.password))
			.andExpect(redirectedUrl("/"));
		return this;
	}

	/**
	 * The visitor's session, as the store left it after the last request.
	 * @return the session
	 */
	public MockHttpSession session() {
		return this.session;
	}

	/**
	 * The customer's email.
	 * @return the email
	 */
	public String email() {
		return this.email;
	}

	/**
	 * Open a page.
	 * @param url the path
	 * @return the result
	 * @throws Exception when the request fails
	 */
	public ResultActions open(String url) throws Exception {
		return this.mvc.perform(get(url).session(this.session));
	}

	/**
	 * Follow a redirect as a browser would, carrying the flash attributes the redirect left.
	 * @param redirect the result of a request that redirected
	 * @return the result of the page redirected to
	 * @throws Exception when the request fails
	 */
	public ResultActions follow(ResultActions redirect) throws Exception {
		MvcResult result = redirect.andExpect(status().is3xxRedirection()).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		if (location == null) {
			throw new AssertionError("expected a redirect");
		}
		return this.mvc.perform(get(location).session(this.session).flashAttrs(result.getFlashMap()));
	}

	/**
	 * Post a form.
	 * @param url the path
	 * @param fields field names and values, alternating
	 * @return the result
	 * @throws Exception when the request fails
	 */
	public ResultActions submit(String url, String... fields) throws Exception {
		MockHttpServletRequestBuilder request = post(url).session(this.session).with(csrf());
		for (int i = 0; i + 1 < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return this.mvc.perform(request);
	}

	/**
	 * Put units of a product into the cart.
	 * @param productId the product
	 * @param quantity the units
	 * @throws Exception when the request fails or is refused
	 */
	public void addToCart(long productId, int quantity) throws Exception {
		// Following the redirect, as a browser does, also consumes the "added to your cart" flash message.
		follow(submit("/cart/add", "productId", Long.toString(productId), "quantity", Integer.toString(quantity))
			.andExpect(redirectedUrl("/cart")));
	}

	/**
	 * Place an order for the cart, paying by card.
	 * @param discountCode the code to use, or empty
	 * @return the result
	 * @throws Exception when the request fails
	 */
	public ResultActions checkout(String discountCode) throws Exception {
		return checkout(discountCode, "CARD");
	}

	/**
	 * Place an order for the cart.
	 * @param discountCode the code to use, or empty
	 * @param paymentMethod {@code CARD} or {@code BANK_TRANSFER}
	 * @return the result
	 * @throws Exception when the request fails
	 */
	public ResultActions checkout(String discountCode, String paymentMethod) throws Exception {
		return submit("/checkout", "discountCode", discountCode, "paymentMethod", paymentMethod);
	}

	/**
	 * Place an order that the store accepts.
	 * @param discountCode the code to use, or empty
	 * @param paymentMethod {@code CARD} or {@code BANK_TRANSFER}
	 * @return the new order's number
	 * @throws Exception when the request fails or the order is refused
	 */
	public long placeOrder(String discountCode, String paymentMethod) throws Exception {
		MvcResult result = checkout(discountCode, paymentMethod).andExpect(status().is3xxRedirection()).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		if (location == null || !location.startsWith("/orders/")) {
			throw new AssertionError("expected a redirect to the new order but got " + location);
		}
		return Long.parseLong(location.substring("/orders/".length()));
	}

}
