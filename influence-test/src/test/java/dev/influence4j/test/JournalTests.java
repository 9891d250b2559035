package dev.influence4j.test;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The journal records every request with what was answered, and never prints the API key.
 */
@InfluenceSandboxTest(apiKey = "super-secret-key")
class JournalTests {

	private final InfluenceSandbox sandbox;

	private final RawHttp http;

	JournalTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new RawHttp(sandbox);
	}

	@Test
	void recordsMethodPathQueryHeadersBodyStatusAndOperation() {
		this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("{\"email\":\"jane@example.com\"}"));
		this.http.platform("GET", "/v1/customers?email=jane%40example.com", null);

		assertThat(this.sandbox.journal().requests()).hasSize(2);
		RecordedRequest upsert = this.sandbox.journal().requestsFor("platform.customers.upsert").get(0);
		assertThat(upsert.method()).isEqualTo("PUT");
		assertThat(upsert.path()).isEqualTo("/v1/customers/c-1");
		assertThat(upsert.body().path("email").asString()).isEqualTo("jane@example.com");
		assertThat(upsert.header("X-API-KEY")).hasValue("super-secret-key");
		assertThat(upsert.headers()).containsKey("content-type");
		assertThat(upsert.status()).isEqualTo(200);
		assertThat(upsert.receivedAt()).isNotNull();
		RecordedRequest list = this.sandbox.journal().requests("GET", "/v1/customers").get(0);
		assertThat(list.query()).containsEntry("email", "jane@example.com");
		assertThat(list.operation()).isEqualTo("platform.customers.list");
		assertThat(list.body().isMissingNode()).isTrue();
	}

	@Test
	void recordsRefusedAndLauncherRequestsToo() {
		this.http.launcherGet("/v1/customer", Map.of("shop", "test-shop"));
		this.http.platform("GET", "/v1/orders/unknown", null);

		assertThat(this.sandbox.journal().requests()).extracting(RecordedRequest::operation, RecordedRequest::status)
			.containsExactly(tuple("launcher.customer.get", 400),
					tuple("platform.orders.get", 404));
		assertThat(this.sandbox.journal().last()).hasValueSatisfying((last) -> assertThat(last.succeeded()).isFalse());
	}

	@Test
	void toStringRedactsTheApiKey() {
		this.http.platform("GET", "/v1/customers", null);

		assertThat(this.sandbox.journal().requests().get(0).toString()).contains("x-api-key=[REDACTED]")
			.doesNotContain("super-secret-key");
		assertThat(this.sandbox.journal().toString()).doesNotContain("super-secret-key");
		assertThat(this.sandbox.toString()).doesNotContain("super-secret-key");
	}

	@Test
	void clearForgetsTheRequests() {
		this.http.platform("GET", "/v1/customers", null);

		this.sandbox.journal().clear();

		assertThat(this.sandbox.journal().requests()).isEmpty();
		assertThat(this.sandbox.journal().last()).isEmpty();
	}

}
