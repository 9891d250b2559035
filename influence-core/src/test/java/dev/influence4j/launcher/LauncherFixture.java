package dev.influence4j.launcher;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.http.RetrySettings;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * What the Launcher tests share: keys, a customer, a client pointed at WireMock, and the request every
 * customer GET must make.
 */
final class LauncherFixture {

	static final String API_KEY = "test-api-key-7f3a9c";

	static final String SHOP_KEY = "example-com";

	static final CustomerIdentity JANE = new CustomerIdentity("ext-42", "Jane.Doe@Example.com");

	static final String JANE_EMAIL = "jane.doe@example.com";

	/** The path prefix of the production base URL, kept so that tests prove it is not lost. */
	static final String PREFIX = "/launcher";

	private LauncherFixture() {
	}

	static WireMockExtension wireMock() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
	}

	static LauncherClient client(WireMockExtension wireMock) {
		return builder(wireMock).build();
	}

	static LauncherClient.Builder builder(WireMockExtension wireMock) {
		return LauncherClient.builder()
			.apiKey(API_KEY)
			.shopKey(SHOP_KEY)
			.baseUrl(wireMock.baseUrl() + PREFIX)
			.retry(RetrySettings.defaults().withInitialBackoff(Duration.ofMillis(10)));
	}

	static String digestOf(CustomerIdentity identity) {
		return CustomerDigest.of(API_KEY, SHOP_KEY).compute(identity);
	}

	/** A customer GET as every such endpoint must send it: shop, id, lowercased email, digest, no API key. */
	static RequestPatternBuilder customerGet(String path, CustomerIdentity identity) {
		return getRequestedFor(urlPathEqualTo(PREFIX + path)).withQueryParam("shop", equalTo(SHOP_KEY))
			.withQueryParam("customer_id", equalTo(identity.id()))
			.withQueryParam("customer_email", equalTo(identity.normalizedEmail()))
			.withQueryParam("digest", equalTo(digestOf(identity)))
			.withoutHeader("x-api-key");
	}

	/** The JSON body every customer POST or PUT starts with, followed by the endpoint's own fields. */
	static String customerBody(CustomerIdentity identity, String extraFields) {
		return "{\"customer\":{\"id\":\"" + identity.id() + "\",\"email\":\"" + identity.normalizedEmail()
				+ "\"},\"shop\":\"" + SHOP_KEY + "\",\"digest\":\"" + digestOf(identity) + "\""
				+ (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
	}

}
