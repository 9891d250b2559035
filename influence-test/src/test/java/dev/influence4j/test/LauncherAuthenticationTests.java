package dev.influence4j.test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Launcher's customer checks: shop, customer id, email and the HMAC digest, with the documented errors.
 */
@InfluenceSandboxTest(apiKey = "EXAMPLE_API_KEY", shopKey = "example-com")
class LauncherAuthenticationTests {

	/** The documented example, computed independently (Python hmac, openssl) in influence-api.md §6.3. */
	private static final String KNOWN_DIGEST = "412dab0de9cad9d7788089ea6563dd12eea9f6cd6af0826d21e7dc6438b2fa7d";

	private final InfluenceSandbox sandbox;

	private final RawHttp http;

	LauncherAuthenticationTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new RawHttp(sandbox);
	}

	@BeforeEach
	void customer() {
		this.sandbox.addCustomer("external-123", "Example@Example.com", 250);
	}

	@Test
	void sandboxDigestMatchesTheKnownAnswer() {
		assertThat(this.sandbox.digest("Example@Example.com", "external-123")).isEqualTo(KNOWN_DIGEST);
	}

	@Test
	void knownAnswerDigestOpensTheCustomer() {
		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("example-com", "external-123", "example@example.com", KNOWN_DIGEST));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().path("pointBalance").asLong()).isEqualTo(250);
		assertThat(answer.body().path("shopifyCustomerId").asString()).isEqualTo("external-123");
		assertThat(answer.body().path("email").asString()).isEqualTo("example@example.com");
	}

	@Test
	void upperCaseEmailIsAcceptedBecauseItIsLowercased() {
		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("example-com", "external-123", "Example@Example.com", KNOWN_DIGEST));

		assertThat(answer.status()).isEqualTo(200);
	}

	@Test
	void wrongDigestIsADigestMismatch() {
		String wrong = KNOWN_DIGEST.substring(0, 63) + "0";

		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("example-com", "external-123", "example@example.com", wrong));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body().path("error").asString()).isEqualTo("DigestMismatch");
	}

	@Test
	void upperCaseHexDigestIsRefusedBecauseTheDocumentedFormIsLowercase() {
		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("example-com", "external-123", "example@example.com", KNOWN_DIGEST.toUpperCase()));

		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void digestOverTheEmailAsTypedIsRefusedWhenItHasCapitals() throws Exception {
		// What the documentation's Python and Ruby examples compute: no lowercasing.
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("EXAMPLE_API_KEY".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String asTyped = HexFormat.of()
			.formatHex(mac.doFinal("example-comExample@Example.comexternal-123".getBytes(StandardCharsets.UTF_8)));

		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("example-com", "external-123", "Example@Example.com", asTyped));

		assertThat(asTyped).isNotEqualTo(KNOWN_DIGEST);
		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void aCustomerUpsertedUnderAMixedCaseEmailIsRefusedTheDigestOfTheLowercasedEmail() {
		RawHttp.Response upserted = this.http.platform("PUT", "/v1/customers/c-7",
				RawHttp.json("{\"email\":\"Jane.Doe@Example.COM\"}"));
		String digest = this.sandbox.digest("jane.doe@example.com", "c-7");

		RawHttp.Response lowercased = this.http.launcherGet("/v1/customer",
				query("example-com", "c-7", "jane.doe@example.com", digest));
		RawHttp.Response asTyped = this.http.launcherGet("/v1/customer",
				query("example-com", "c-7", "Jane.Doe@Example.COM", digest));

		assertThat(upserted.status()).isEqualTo(200);
		assertThat(this.sandbox.customer("c-7").orElseThrow().email()).isEqualTo("Jane.Doe@Example.COM");
		assertThat(lowercased.status()).isEqualTo(401);
		assertThat(lowercased.body().path("error").asString()).isEqualTo("DigestMismatch");
		assertThat(asTyped.status()).isEqualTo(401);
	}

	@Test
	void unknownCustomerIsADigestMismatch() {
		String digest = this.sandbox.digest("someone@example.com", "nobody");

		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("example-com", "nobody", "someone@example.com", digest));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body().path("error").asString()).isEqualTo("DigestMismatch");
	}

	@Test
	void emailThatIsNotTheCustomersIsADigestMismatch() {
		String digest = this.sandbox.digest("other@example.com", "external-123");

		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("example-com", "external-123", "other@example.com", digest));

		assertThat(answer.status()).isEqualTo(401);
	}

	@Test
	void unknownShopIsADigestMismatch() {
		RawHttp.Response answer = this.http.launcherGet("/v1/customer",
				query("other-shop", "external-123", "example@example.com", KNOWN_DIGEST));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body().path("error").asString()).isEqualTo("DigestMismatch");
	}

	@Test
	void missingShopOrCustomerIsABadRequest() {
		Map<String, String> withoutShop = query("example-com", "external-123", "example@example.com", KNOWN_DIGEST);
		withoutShop.remove("shop");
		Map<String, String> withoutEmail = query("example-com", "external-123", "example@example.com", KNOWN_DIGEST);
		withoutEmail.remove("customer_email");

		RawHttp.Response noShop = this.http.launcherGet("/v1/customer", withoutShop);
		RawHttp.Response noCustomer = this.http.launcherGet("/v1/customer", withoutEmail);

		assertThat(noShop.status()).isEqualTo(400);
		assertThat(noShop.body().path("error").asString()).isEqualTo("ShopRequired");
		assertThat(noCustomer.status()).isEqualTo(400);
		assertThat(noCustomer.body().path("error").asString()).isEqualTo("CustomerRequired");
	}

	@Test
	void bodyCredentialsAreCheckedTheSameWay() {
		RawHttp.Response good = this.http.launcher("PUT", "/v1/customer/birthday",
				this.http.customerBody("external-123", "EXAMPLE@example.com").put("birthdayDay", 9).put("birthdayMonth", 3));
		RawHttp.Response bad = this.http.launcher("PUT", "/v1/customer/birthday",
				this.http.customerBody("external-123", "example@example.com")
					.put("digest", "00")
					.put("birthdayDay", 9)
					.put("birthdayMonth", 3));

		assertThat(good.status()).isEqualTo(200);
		assertThat(good.body().path("success").asBoolean()).isTrue();
		assertThat(this.sandbox.customer("external-123").orElseThrow().birthdayMonth()).isEqualTo(3);
		assertThat(bad.status()).isEqualTo(401);
	}

	@Test
	void shopEndpointsNeedOnlyTheShopKey() {
		RawHttp.Response shop = this.http.launcherGet("/v1/shop", Map.of("shop", "example-com"));
		RawHttp.Response unknown = this.http.launcherGet("/v1/shop", Map.of("shop", "elsewhere"));
		RawHttp.Response missing = this.http.launcherGet("/v1/shop", Map.of());

		assertThat(shop.status()).isEqualTo(200);
		assertThat(shop.body().path("shopKey").asString()).isEqualTo("example-com");
		assertThat(shop.body().path("storeCurrency").asString()).isEqualTo("GBP");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(missing.body().path("error").asString()).isEqualTo("ShopRequired");
	}

	private static Map<String, String> query(String shop, String id, String email, String digest) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("shop", shop);
		query.put("customer_id", id);
		query.put("customer_email", email);
		query.put("digest", digest);
		return query;
	}

}
