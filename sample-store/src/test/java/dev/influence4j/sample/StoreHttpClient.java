package dev.influence4j.sample;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visitor of the running store over real HTTP, with the JDK's client: cookies kept (the session), redirects
 * not followed (so tests see them), and forms posted with the CSRF token read from the page that shows them.
 */
public final class StoreHttpClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final CookieHandler cookies;

	private final HttpClient http;

	/**
	 * A client for the store on a local port.
	 * @param port the store's port
	 */
	public StoreHttpClient(int port) {
		this(port, new CookieManager());
	}

	private StoreHttpClient(int port, CookieHandler cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * The same visitor, with the same cookies (so the same session), reaching another node of the store, as a
	 * load balancer would send them there.
	 * @param port the other node's port
	 * @return a client for that node that shares this one's cookies
	 */
	public StoreHttpClient onPort(int port) {
		return new StoreHttpClient(port, this.cookies);
	}

	/**
	 * Open a page.
	 * @param path the path, for example {@code /account}
	 * @return the response
	 * @throws IOException when the request fails
	 * @throws InterruptedException when interrupted
	 */
	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Fill in and post a form shown on a page.
	 * @param page the page that shows the form (its CSRF token is used)
	 * @param action the form's action
	 * @param fields field names and values, alternating
	 * @return the response to the post
	 * @throws IOException when a request fails
	 * @throws InterruptedException when interrupted
	 */
	public HttpResponse<String> submit(String page, String action, String... fields)
			throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(page).body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token on " + page);
		}
		StringJoiner form = new StringJoiner("&");
		form.add("_csrf=" + encode(token.group(1)));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + action))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Log in through the login page.
	 * @param email the login
	 * @param password the password
	 * @return the response to the login post
	 * @throws IOException when a request fails
	 * @throws InterruptedException when interrupted
	 */
	public HttpResponse<String> logIn(String email, String password) throws IOException, InterruptedException {
		return submit("/login", "/login", "username", email, "password", password);
	}

	/**
	 * Where a redirect points, as a path.
	 * @param response a response
	 * @return the {@code Location} header without this store's scheme, host and port, or empty text
	 */
	public String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replace(this.base, "");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
