package dev.influence4j.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a user can configure: observations, path overrides, body customizers, a RestClient.Builder.
 */
class PlatformClientConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void observesCallsWithTheUriTemplateAndNoQueryString() {
		server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"customers\":[]}")));
		server.stubFor(get("/v1/customers/42").willReturn(okJson("{\"customer\":{}}")));
		TestObservationRegistry registry = TestObservationRegistry.create();
		List<String> urls = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				urls.add(context.getHighCardinalityKeyValue("http.url").getValue());
			}

		});
		PlatformClient client = PlatformFixtures.builder(server).observationRegistry(registry).build();

		client.customers().get("42");
		client.customers().page(CustomerQuery.all().withEmail("jane@example.com"), null);

		assertThat(registry).hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2);
		assertThat(registry).hasAnObservationWithAKeyValue("uri", "/v1/customers/{customerId}");
		assertThat(registry).hasAnObservationWithAKeyValue("uri", "/v1/customers?email={email}");
		assertThat(registry).hasAnObservationWithAKeyValue("http.url", server.baseUrl() + "/v1/customers");
		assertThat(urls).hasSize(2).allSatisfy((url) -> assertThat(url).doesNotContain("?").doesNotContain("jane"));
	}

	@Test
	void aProvisionalPathCanBeReplaced() {
		server.stubFor(post("/v1/customers/42/deduct-points").willReturn(okJson("{\"customer\":{\"pointBalance\":1}}")));
		PlatformClient client = PlatformFixtures.builder(server)
			.path(PlatformEndpoint.POINTS_DEDUCT, "/v1/customers/{customerId}/deduct-points")
			.build();

		client.points().deduct("42", new PointsDeduction(5, "Correction"));

		server.verify(postRequestedFor(urlPathEqualTo("/v1/customers/42/deduct-points")));
	}

	@Test
	void aReplacedPathMustKeepTheVariables() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformClient.builder().path(PlatformEndpoint.POINTS_DEDUCT, "/v1/deduct/{id}"))
			.withMessageContaining("[customerId]");
	}

	@Test
	void aBodyCustomizerCanRenameAProvisionalField() {
		server.stubFor(post("/v1/orders").willReturn(okJson("{}")));
		PlatformClient client = PlatformFixtures.builder(server).requestBodyCustomizer((endpoint, body) -> {
			if (endpoint == PlatformEndpoint.ORDER_CREATE) {
				body.set("total", body.remove("totalPrice"));
				body.remove("lineItems");
				body.remove("discountCodes");
			}
		}).build();

		client.orders().create(PlatformFixtures.order(FinancialStatus.PAID));

		server.verify(postRequestedFor(urlPathEqualTo("/v1/orders")).withRequestBody(equalToJson("""
				{ "orderId": "1001", "customerId": "42", "financialStatus": "paid", "email": "jane@example.com",
				  "total": "49.90", "currency": "EUR", "createdAt": "2026-11-20T10:15:30Z" }
				""")));
	}

	@Test
	void startsFromAGivenRestClientBuilderWithoutChangingIt() {
		server.stubFor(get("/v1/customers/42").willReturn(okJson("{\"customer\":{}}")));
		RestClient.Builder shared = RestClient.builder().defaultHeader("X-Shop", "demo");
		PlatformClient client = PlatformFixtures.builder(server).restClientBuilder(shared).build();

		client.customers().get("42");

		server.verify(getRequestedFor(urlPathEqualTo("/v1/customers/42")).withHeader("X-Shop", equalTo("demo"))
			.withHeader("x-api-key", equalTo(PlatformFixtures.API_KEY)));
		RestClient untouched = shared.baseUrl(server.baseUrl()).build();
		untouched.get().uri("/v1/customers/42").retrieve().toBodilessEntity();
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers/42")).withHeader("x-api-key", equalTo(PlatformFixtures.API_KEY)));
	}

	@Test
	void buildingWithoutAnApiKeySaysHowToFixIt() {
		assertThatIllegalStateException().isThrownBy(() -> PlatformClient.builder().build())
			.withMessageContaining("apiKey(...)");
	}

	@Test
	void rejectsABaseUrlThatIsNotHttp() {
		assertThatIllegalArgumentException().isThrownBy(() -> PlatformClient.builder().baseUrl("platform.api.influence.io"))
			.withMessageContaining("absolute http or https URL");
	}

	@Test
	void toStringNeverShowsTheKey() {
		assertThat(PlatformFixtures.client(server).toString()).doesNotContain(PlatformFixtures.API_KEY);
	}

}
