package dev.influence4j.launcher;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.influence4j.launcher.LauncherFixture.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the client proves who the customer is: the digest it computes, and the id and email it sends with it.
 */
class LauncherCustomerAuthenticationTest {

	private static final String KNOWN_DIGEST = "412dab0de9cad9d7788089ea6563dd12eea9f6cd6af0826d21e7dc6438b2fa7d";

	private static final CustomerDigest EXAMPLE_DIGEST = CustomerDigest.of("EXAMPLE_API_KEY", "example-com");

	private static final CustomerIdentity EXAMPLE = new CustomerIdentity("external-123", "Example@Example.com");

	@RegisterExtension
	static WireMockExtension wireMock = LauncherFixture.wireMock();

	private final LauncherClient launcher = LauncherFixture.builder(wireMock)
		.apiKey("EXAMPLE_API_KEY")
		.shopKey("example-com")
		.build();

	@Test
	void sendsTheLowercasedEmailAndItsDigest() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer")).willReturn(okJson("{\"pointBalance\":1}")));

		this.launcher.customer(EXAMPLE).profile();

		wireMock.verify(1, getRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer"))
			.withQueryParam("shop", equalTo("example-com"))
			.withQueryParam("customer_id", equalTo("external-123"))
			.withQueryParam("customer_email", equalTo("example@example.com"))
			.withQueryParam("digest", equalTo(KNOWN_DIGEST))
			.withoutHeader("x-api-key"));
	}

	@Test
	void sendsTheLowercasedEmailAndItsDigestInPostBodies() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/redeem"))
			.willReturn(okJson("{\"success\":true,\"couponCode\":\"C\"}")));

		this.launcher.customer(EXAMPLE).redeem("redeem-1", null, null);

		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/redeem"))
			.withRequestBody(equalToJson("""
				{"customer":{"id":"external-123","email":"example@example.com"},"shop":"example-com",
				 "digest":"%s","ruleId":"redeem-1"}
				""".formatted(KNOWN_DIGEST))).withoutHeader("x-api-key"));
	}

	@Test
	void neverSendsTheApiKey() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer")).willReturn(okJson("{\"id\":\"07d32094\"}")));
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/social")).willReturn(okJson("{\"success\":true}")));

		this.launcher.customer(EXAMPLE).profile();
		this.launcher.customer(EXAMPLE).actionSocial("earn-1");

		assertThat(wireMock.getAllServeEvents()).hasSize(2).allSatisfy((event) -> {
			LoggedRequest request = event.getRequest();
			assertThat(request.getAbsoluteUrl()).doesNotContain("EXAMPLE_API_KEY");
			assertThat(request.getBodyAsString()).doesNotContain("EXAMPLE_API_KEY");
			assertThat(request.getHeaders().all()).flatMap((header) -> header.values())
				.noneMatch((value) -> value.contains("EXAMPLE_API_KEY"));
			assertThat(request.containsHeader("x-api-key")).isFalse();
		});
	}

	@Test
	void emailWithAPlusArrivesIntactInTheQuery() {
		CustomerIdentity plus = new CustomerIdentity("ext-7", "Jane+Loyalty@Example.com");
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer")).willReturn(okJson("{\"id\":\"07d32094\"}")));

		this.launcher.customer(plus).profile();

		wireMock.verify(1, getRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer"))
			.withQueryParam("customer_email", equalTo("jane+loyalty@example.com"))
			.withQueryParam("digest", equalTo(EXAMPLE_DIGEST.compute("jane+loyalty@example.com", "ext-7"))));
		assertThat(wireMock.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getUrl())
				.contains("customer_email=jane%2Bloyalty%40example.com"));
	}

	@Test
	void emailWithAPlusArrivesIntactInTheBody() {
		CustomerIdentity plus = new CustomerIdentity("ext-7", "jane+loyalty@example.com");
		wireMock.stubFor(
				put(urlPathEqualTo(PREFIX + "/v1/customer/birthday")).willReturn(okJson("{\"success\":true}")));

		this.launcher.customer(plus).updateBirthday(1, 12);

		wireMock.verify(1, putRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/birthday"))
			.withRequestBody(equalToJson("""
					{"customer":{"id":"ext-7","email":"jane+loyalty@example.com"},"shop":"example-com","digest":"%s",
					 "birthdayDay":1,"birthdayMonth":12}
					""".formatted(EXAMPLE_DIGEST.compute(plus)))));
	}

	@Test
	void aReadyCustomerDigestSignsTheSameWay() {
		LauncherClient withDigest = LauncherClient.builder()
			.customerDigest(EXAMPLE_DIGEST)
			.baseUrl(wireMock.baseUrl() + PREFIX)
			.build();
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer")).willReturn(okJson("{\"id\":\"07d32094\"}")));

		withDigest.customer(EXAMPLE).profile();

		wireMock.verify(1, getRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer"))
			.withQueryParam("shop", equalTo("example-com"))
			.withQueryParam("digest", equalTo(KNOWN_DIGEST)));
	}

}
