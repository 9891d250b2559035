package dev.influence4j.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Platform call needs the API key in {@code x-api-key}.
 */
@InfluenceSandboxTest(apiKey = "the-right-key")
class PlatformAuthenticationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void requestWithoutKeyIsUnauthorized(InfluenceSandbox sandbox) throws Exception {
		HttpResponse<String> answer = get(sandbox, "/v1/customers", null);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(RawHttp.json(answer.body()).path("message").asString()).isEqualTo("Invalid API key");
	}

	@Test
	void requestWithWrongKeyIsUnauthorized(InfluenceSandbox sandbox) throws Exception {
		assertThat(get(sandbox, "/v1/customers", "the-wrong-key").statusCode()).isEqualTo(401);
		assertThat(get(sandbox, "/v1/customers", "the-right-key-").statusCode()).isEqualTo(401);
		assertThat(get(sandbox, "/v1/customers", "THE-RIGHT-KEY").statusCode()).isEqualTo(401);
	}

	@Test
	void requestWithTheKeyIsServed(InfluenceSandbox sandbox) throws Exception {
		HttpResponse<String> answer = get(sandbox, "/v1/customers", "the-right-key");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(RawHttp.json(answer.body()).path("customers").isArray()).isTrue();
	}

	@Test
	void unknownPathsAreCheckedForTheKeyFirst(InfluenceSandbox sandbox) throws Exception {
		assertThat(get(sandbox, "/v1/nothing-here", null).statusCode()).isEqualTo(401);
		assertThat(get(sandbox, "/v1/nothing-here", "the-right-key").statusCode()).isEqualTo(404);
	}

	@Test
	void unauthorizedRequestsChangeNothing(InfluenceSandbox sandbox) throws Exception {
		HttpResponse<String> answer = this.client.send(HttpRequest.newBuilder(URI.create(sandbox.platformBaseUrl()
				+ "/v1/customers/c-1"))
			.header("x-api-key", "nope")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"email\":\"jane@example.com\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(sandbox.customer("c-1")).isEmpty();
	}

	private HttpResponse<String> get(InfluenceSandbox sandbox, String path, String apiKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.platformBaseUrl() + path)).GET();
		if (apiKey != null) {
			request.header("x-api-key", apiKey);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
