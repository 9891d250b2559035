package dev.influence4j.launcher;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.InfluenceClientException;
import dev.influence4j.http.InfluenceNotFoundException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.InfluenceTransientException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.influence4j.launcher.LauncherFixture.API_KEY;
import static dev.influence4j.launcher.LauncherFixture.JANE;
import static dev.influence4j.launcher.LauncherFixture.PREFIX;
import static dev.influence4j.launcher.LauncherFixture.SHOP_KEY;
import static dev.influence4j.launcher.LauncherFixture.digestOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How the Launcher client reports what went wrong, and which failures it retries.
 */
class LauncherFailuresTest {

	@RegisterExtension
	static WireMockExtension wireMock = LauncherFixture.wireMock();

	private final LauncherClient launcher = LauncherFixture.client(wireMock);

	@Test
	void digestMismatchSaysWhatToCheckWithoutRevealingSecrets() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer"))
			.willReturn(json(401, "{\"error\":\"DigestMismatch\"}")));

		DigestMismatchException failure = catchThrowableOfType(DigestMismatchException.class,
				() -> this.launcher.customer(JANE).profile());

		assertThat(failure).isInstanceOf(InfluenceAuthenticationException.class);
		assertThat(failure.status()).isEqualTo(401);
		assertThat(failure.operation()).isEqualTo("launcher.customer.get");
		assertThat(failure.vendorMessage()).isEqualTo("DigestMismatch");
		assertThat(failure.isRetryable()).isFalse();
		assertThat(failure.getMessage()).contains("influence.api-key", "Platform API key", "influence.shop-key",
				"GET /v1/shop", "lowercased", "PUT /v1/customers", "not Influence.io's UUID", "upserted");
		for (String text : new String[] { failure.getMessage(), failure.toString() }) {
			assertThat(text).doesNotContain(API_KEY)
				.doesNotContain(digestOf(JANE))
				.doesNotContainIgnoringCase(JANE.email());
		}
		wireMock.verify(1, getRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer")));
	}

	@Test
	void digestMismatchOnACustomerPostIsReportedTheSameWay() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/redeem"))
			.willReturn(json(401, "{\"error\":\"DigestMismatch\"}")));

		assertThatExceptionOfType(DigestMismatchException.class)
			.isThrownBy(() -> this.launcher.customer(JANE).redeem("redeem-5off", null, null))
			.satisfies((failure) -> assertThat(failure.operation()).isEqualTo("launcher.customer.redeem"));
	}

	@Test
	void digestMismatchDropsAVendorMessageThatEchoesTheCustomer() {
		String echo = "No customer " + JANE.normalizedEmail() + " with digest " + digestOf(JANE);
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer"))
			.willReturn(json(401, "{\"error\":\"" + echo + "\"}")));

		DigestMismatchException failure = catchThrowableOfType(DigestMismatchException.class,
				() -> this.launcher.customer(JANE).profile());

		assertThat(failure.vendorMessage()).isNull();
		assertThat(failure.toString()).doesNotContain(digestOf(JANE)).doesNotContainIgnoringCase(JANE.email());
	}

	@Test
	void shopRequiredIsAClientError() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer"))
			.willReturn(json(400, "{\"error\":\"ShopRequired\"}")));

		assertThatExceptionOfType(InfluenceClientException.class).isThrownBy(() -> this.launcher.customer(JANE).profile())
			.satisfies((failure) -> {
				assertThat(failure.status()).isEqualTo(400);
				assertThat(failure.vendorMessage()).isEqualTo("ShopRequired");
				assertThat(failure.isRetryable()).isFalse();
			});
		wireMock.verify(1, getRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer")));
	}

	@Test
	void unknownShopKeyOnAShopEndpointIsAShopNotFoundException() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/rules/earn"))
			.willReturn(notFound().withBody("Shop not found with shopKey")));

		assertThatExceptionOfType(ShopNotFoundException.class).isThrownBy(this.launcher.shop()::earnRules)
			.isInstanceOf(InfluenceNotFoundException.class)
			.satisfies((failure) -> {
				assertThat(failure.shopKey()).isEqualTo(SHOP_KEY);
				assertThat(failure.status()).isEqualTo(404);
				assertThat(failure.vendorMessage()).isEqualTo("Shop not found with shopKey");
				assertThat(failure.getMessage()).contains("influence.shop-key", "'" + SHOP_KEY + "'");
			});
	}

	@Test
	void unknownShopKeyWhileReadingATierIsNotMistakenForAnUnknownTier() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/tiers/t-gold"))
			.willReturn(json(404, "{\"message\":\"Shop not found with shopKey\"}")));

		assertThatExceptionOfType(ShopNotFoundException.class).isThrownBy(() -> this.launcher.shop().tier("t-gold"));
	}

	@Test
	void unknownShopKeyAnsweredInPlainTextWhileReadingATierIsStillRecognised() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/tiers/t-gold"))
			.willReturn(notFound().withHeader("Content-Type", "text/html; charset=utf-8")
				.withBody("Shop not found with shopKey")));

		assertThatExceptionOfType(ShopNotFoundException.class).isThrownBy(() -> this.launcher.shop().tier("t-gold"));
	}

	@Test
	void anHtmlErrorPageIsNotTakenAsInfluenceIosMessage() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/tiers/t-gold"))
			.willReturn(notFound().withHeader("Content-Type", "text/html")
				.withBody("<html><body><h1>404 Not Found</h1></body></html>")));

		assertThat(this.launcher.shop().tier("t-gold")).isEmpty();
	}

	@Test
	void unknownLoyaltyCardIsEmpty() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/loyalty-card-lookup")).willReturn(notFound()));

		assertThat(this.launcher.shop().loyaltyCardLookup("LC-UNKNOWN")).isEmpty();
	}

	@Test
	void redeemIsNotRetriedAfterA503BecauseThePointsMayAlreadyBeSpent() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/redeem")).willReturn(serviceUnavailable()));

		assertThatExceptionOfType(InfluenceTransientException.class)
			.isThrownBy(() -> this.launcher.customer(JANE).redeem("redeem-5off", null, null))
			.satisfies((failure) -> {
				assertThat(failure.status()).isEqualTo(503);
				assertThat(failure.reason()).isEqualTo(InfluenceTransientException.Reason.SERVER_ERROR);
				assertThat(failure.outcomeUnknown()).isTrue();
			});
		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/redeem")));
	}

	@Test
	void getIsRetriedAfterTwo503sThenSucceeds() {
		String path = PREFIX + "/v1/customer";
		wireMock.stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(serviceUnavailable())
			.willSetStateTo("failed once"));
		wireMock.stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
			.whenScenarioStateIs("failed once")
			.willReturn(serviceUnavailable())
			.willSetStateTo("failed twice"));
		wireMock.stubFor(get(urlPathEqualTo(path)).inScenario("flaky")
			.whenScenarioStateIs("failed twice")
			.willReturn(okJson("{\"pointBalance\":42}")));

		assertThat(this.launcher.customer(JANE).profile().pointBalance()).isEqualTo(42);
		wireMock.verify(3, getRequestedFor(urlPathEqualTo(path)));
	}

	@Test
	void malformedJsonIsAnUnreadableResponse() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop")).willReturn(json(200, "{\"id\":\"9d2f\",")));

		assertThatExceptionOfType(InfluenceResponseException.class).isThrownBy(this.launcher.shop()::get)
			.satisfies((failure) -> assertThat(failure.operation()).isEqualTo("launcher.shop.get"));
	}

	@Test
	void aFieldOfTheWrongShapeIsAnUnreadableResponseNamingTheField() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/shop/tiers"))
			.willReturn(okJson("{\"rules\":[{\"id\":\"t-1\",\"perks\":{\"not\":\"a list\"}}]}")));

		assertThatExceptionOfType(InfluenceResponseException.class).isThrownBy(this.launcher.shop()::tiers)
			.withMessageContaining("perks");
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
