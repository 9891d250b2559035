package dev.influence4j.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.influence4j.http.CircuitBreakerSettings;
import dev.influence4j.http.InfluenceApiException;
import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.InfluenceClientException;
import dev.influence4j.http.InfluenceRateLimitedException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.InfluenceTransientException;
import dev.influence4j.http.RetrySettings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the Platform client behaves when Influence.io misbehaves: what is retried, what is not, and that no
 * retry can create a second order.
 */
class PlatformClientFaultTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final PlatformClient client = PlatformFixtures.client(server);

	@Test
	void retriesOn503ThenSucceeds() {
		server.stubFor(get("/v1/customers/42").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("second"));
		server.stubFor(get("/v1/customers/42").inScenario("flaky").whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("healthy"));
		server.stubFor(get("/v1/customers/42").inScenario("flaky").whenScenarioStateIs("healthy")
			.willReturn(okJson("{\"customer\":{\"pointBalance\":5}}")));

		assertThat(this.client.customers().get("42")).hasValueSatisfying((c) -> assertThat(c.pointBalance()).isEqualTo(5));
		server.verify(3, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void givesUpAfterTheConfiguredAttemptsWithATransientError() {
		server.stubFor(get("/v1/customers/42").willReturn(aResponse().withStatus(502).withBody("{\"message\":\"Bad gateway\"}")));
		PlatformClient twoAttempts = PlatformFixtures.builder(server)
			.retry(RetrySettings.defaults().withMaxAttempts(2).withInitialBackoff(Duration.ofMillis(1)))
			.build();

		assertThatExceptionOfType(InfluenceTransientException.class).isThrownBy(() -> twoAttempts.customers().get("42"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(502);
				assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.SERVER_ERROR);
				assertThat(ex.outcomeUnknown()).isTrue();
				assertThat(ex.vendorMessage()).isEqualTo("Bad gateway");
				assertThat(ex.operation()).isEqualTo("platform.customers.get");
				assertThat(ex.getMessage()).contains("platform.customers.get", "HTTP 502", "Bad gateway");
			});
		server.verify(2, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void honoursRetryAfterOn429() {
		server.stubFor(get("/v1/customers/42").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
			.willSetStateTo("ok"));
		server.stubFor(get("/v1/customers/42").inScenario("limited").whenScenarioStateIs("ok")
			.willReturn(okJson("{\"customer\":{}}")));

		long started = System.nanoTime();
		assertThat(this.client.customers().get("42")).isPresent();
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		server.verify(2, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
		// The backoff configured for this client is at most 50 ms: only Retry-After explains a 2 s wait.
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aRetryAfterLongerThanTheCapEndsTheCallWithTheWaitForTheCaller() {
		server.stubFor(get("/v1/customers/42").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

		assertThatExceptionOfType(InfluenceRateLimitedException.class).isThrownBy(() -> this.client.customers().get("42"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(120)));
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void retriesAConnectionResetOnAnIdempotentCall() {
		server.stubFor(put("/v1/customers/42").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("ok"));
		server.stubFor(put("/v1/customers/42").inScenario("reset").whenScenarioStateIs("ok")
			.willReturn(okJson("{\"customer\":{\"externalId\":\"42\"}}")));

		assertThat(this.client.customers().upsert(InfluenceCustomer.of("42", "jane@example.com")).externalId()).isEqualTo("42");
		server.verify(2, putRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void reportsAConnectionResetAsALostConnectionWithUnknownOutcome() {
		server.stubFor(get("/v1/customers/42").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(InfluenceTransientException.class).isThrownBy(() -> this.client.customers().get("42"))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.CONNECTION_LOST);
				assertThat(ex.outcomeUnknown()).isTrue();
				assertThat(ex.status()).isZero();
			});
		// Three attempts; the JDK's HTTP/1.1 client may itself re-send a GET once on a reset connection.
		server.verify(moreThanOrExactly(3), getRequestedFor(urlPathEqualTo("/v1/customers/42")));
		server.verify(lessThanOrExactly(6), getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void aReadTimeoutIsRetriedForReadsAndReportedAsTimeout() {
		server.stubFor(get("/v1/customers/42").willReturn(okJson("{\"customer\":{}}").withFixedDelay(1500)));
		PlatformClient impatient = PlatformFixtures.builder(server).readTimeout(Duration.ofMillis(200)).build();

		assertThatExceptionOfType(InfluenceTransientException.class).isThrownBy(() -> impatient.customers().get("42"))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.TIMEOUT);
				assertThat(ex.outcomeUnknown()).isTrue();
				assertThat(ex.status()).isZero();
				assertThat(ex.operation()).isEqualTo("platform.customers.get");
			});
		server.verify(3, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void aConnectionRefusedIsReportedAsConnectFailedAndRetried() {
		PlatformClient nowhere = PlatformClient.builder()
			.apiKey(PlatformFixtures.API_KEY)
			.baseUrl("http://127.0.0.1:" + unusedPort())
			.retry(RetrySettings.defaults().withInitialBackoff(Duration.ofMillis(1)))
			.build();

		assertThatExceptionOfType(InfluenceTransientException.class)
			.isThrownBy(() -> nowhere.points().award("42", PointsAward.of(5, "Bonus")))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.CONNECT_FAILED);
				assertThat(ex.outcomeUnknown()).isFalse();
				assertThat(ex.status()).isZero();
				assertThat(ex.operation()).isEqualTo("platform.points.award");
			});
	}

	@Test
	void neverRetriesA401AndSaysWhatToCheckWithoutTheKey() {
		server.stubFor(get("/v1/customers/42").willReturn(aResponse().withStatus(401)
			.withBody("{\"message\":\"Invalid API key " + PlatformFixtures.API_KEY + "\"}")));

		assertThatExceptionOfType(InfluenceAuthenticationException.class).isThrownBy(() -> this.client.customers().get("42"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("HTTP 401", "check the API key").doesNotContain(PlatformFixtures.API_KEY);
				assertThat(ex.vendorMessage()).isEqualTo("Invalid API key ****");
				assertThat(ex.toString()).doesNotContain(PlatformFixtures.API_KEY);
				assertThat(ex.isRetryable()).isFalse();
			});
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void neverRetriesA422AndKeepsTheVendorsMessage() {
		server.stubFor(put("/v1/customers/42").willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"email is invalid\"}")));

		assertThatExceptionOfType(InfluenceClientException.class)
			.isThrownBy(() -> this.client.customers().upsert(InfluenceCustomer.of("42", "jane@example.com")))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.vendorMessage()).isEqualTo("email is invalid");
				assertThat(ex.getMessage()).isEqualTo(
						"Influence.io platform.customers.upsert failed with HTTP 422: the request was rejected (Influence.io said: email is invalid)");
			});
		server.verify(1, putRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void neverRetriesA400Or403Or404() {
		server.stubFor(post("/v1/customers/1/points").willReturn(aResponse().withStatus(400)));
		server.stubFor(post("/v1/customers/2/points").willReturn(aResponse().withStatus(403)));
		server.stubFor(post("/v1/customers/3/points").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Customer not found\"}")));

		Map<String, Integer> statuses = Map.of("1", 400, "2", 403, "3", 404);
		statuses.forEach((id, status) -> {
			assertThatExceptionOfType(InfluenceApiException.class)
				.isThrownBy(() -> this.client.points().award(id, PointsAward.of(5, "Bonus")))
				.satisfies((ex) -> {
					assertThat(ex.status()).as("status for customer %s", id).isEqualTo(status);
					assertThat(ex.isRetryable()).isFalse();
				});
			server.verify(1, postRequestedFor(urlPathEqualTo("/v1/customers/" + id + "/points")));
		});
	}

	@Test
	void neverRepeatsAPointsAwardWhoseOutcomeIsUnknown() {
		server.stubFor(post("/v1/customers/42/points").willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(InfluenceTransientException.class)
			.isThrownBy(() -> this.client.points().award("42", PointsAward.of(5, "Bonus")))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.SERVER_ERROR);
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.outcomeUnknown()).isTrue();
			});
		server.verify(1, postRequestedFor(urlPathEqualTo("/v1/customers/42/points")));
	}

	@Test
	void repeatsAPointsAwardThatWasRateLimited() {
		server.stubFor(post("/v1/customers/42/points").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("ok"));
		server.stubFor(post("/v1/customers/42/points").inScenario("limited").whenScenarioStateIs("ok")
			.willReturn(okJson("{\"customer\":{\"pointBalance\":5}}")));

		assertThat(this.client.points().award("42", PointsAward.of(5, "Bonus")).pointBalance()).isEqualTo(5);
		server.verify(2, postRequestedFor(urlPathEqualTo("/v1/customers/42/points")));
	}

	@Test
	void aMalformedJsonAnswerIsReportedWithoutEchoingTheBody() {
		server.stubFor(get("/v1/customers/42").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html>jane@example.com maintenance</html>")));

		assertThatExceptionOfType(InfluenceResponseException.class).isThrownBy(() -> this.client.customers().get("42"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("not JSON", "text/html").doesNotContain("jane@example.com"));
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void anAnswerLackingTheEnvelopeNamesWhatIsMissing() {
		server.stubFor(get("/v1/customers/42").willReturn(okJson("{\"data\":{}}")));

		assertThatExceptionOfType(InfluenceResponseException.class).isThrownBy(() -> this.client.customers().get("42"))
			.withMessageContaining("expected an object in field 'customer' but found no such field");
	}

	@Test
	void aFieldOfTheWrongTypeNamesTheField() {
		server.stubFor(get("/v1/customers/42").willReturn(okJson("{\"customer\":{\"pointBalance\":\"lots\"}}")));

		assertThatExceptionOfType(InfluenceResponseException.class).isThrownBy(() -> this.client.customers().get("42"))
			.withMessageContaining("field 'pointBalance'");
	}

	@Test
	void anOversizedAnswerIsRefused() {
		server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"customers\":[" + "{},".repeat(5000) + "{}]}")));
		PlatformClient small = PlatformFixtures.builder(server).maxResponseBytes(1024).build();

		assertThatExceptionOfType(InfluenceResponseException.class)
			.isThrownBy(() -> small.customers().page(CustomerQuery.all(), null))
			.withMessageContaining("larger than the limit of 1024 bytes");
	}

	@Test
	void aCursorThatRepeatsEndsTheListInsteadOfLoopingForever() {
		server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"customers\":[{}],\"cursor\":\"same\"}")));

		assertThatExceptionOfType(InfluenceResponseException.class)
			.isThrownBy(() -> this.client.customers().list(CustomerQuery.all()).count())
			.withMessageContaining("cursor it had returned before");
	}

	@Test
	void anOrderCreateThatTimesOutIsCompletedByAnUpdateWithoutASecondCreate() {
		// Influence.io stores the order but the answer arrives too late; then the order exists.
		server.stubFor(post("/v1/orders").willReturn(okJson("{}").withFixedDelay(1500)));
		server.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(okJson("{}")));
		PlatformClient impatient = PlatformFixtures.builder(server).readTimeout(Duration.ofMillis(300)).build();

		OrderWriteOutcome outcome = impatient.orders().create(PlatformFixtures.order(FinancialStatus.PAID));

		assertThat(outcome).isEqualTo(OrderWriteOutcome.UPDATED);
		server.verify(1, postRequestedFor(urlPathEqualTo("/v1/orders")));
		server.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")));
	}

	@Test
	void anOrderCreateAnswered500ThenNotFoundOnUpdateIsCreatedAgainOnlyThen() {
		// The first create failed inside Influence.io without storing the order.
		server.stubFor(post("/v1/orders").inScenario("create").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("healthy"));
		server.stubFor(post("/v1/orders").inScenario("create").whenScenarioStateIs("healthy").willReturn(okJson("{}")));
		server.stubFor(patch(urlPathEqualTo("/v1/orders/1001")).willReturn(aResponse().withStatus(404)));

		assertThat(this.client.orders().create(PlatformFixtures.order(FinancialStatus.PAID))).isEqualTo(OrderWriteOutcome.CREATED);
		server.verify(2, postRequestedFor(urlPathEqualTo("/v1/orders")));
		server.verify(1, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")));
	}

	@Test
	void anOrderCreateThatCouldNotConnectIsRetriedAsACreate() {
		server.stubFor(post("/v1/orders").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("ok"));
		server.stubFor(post("/v1/orders").inScenario("limited").whenScenarioStateIs("ok").willReturn(okJson("{}")));

		assertThat(this.client.orders().create(PlatformFixtures.order(FinancialStatus.PAID))).isEqualTo(OrderWriteOutcome.CREATED);
		server.verify(2, postRequestedFor(urlPathEqualTo("/v1/orders")));
		server.verify(0, patchRequestedFor(urlPathEqualTo("/v1/orders/1001")));
	}

	@Test
	void anOpenCircuitBreakerFailsFastWithoutCallingInfluence() {
		server.stubFor(get("/v1/customers/42").willReturn(aResponse().withStatus(503)));
		PlatformClient guarded = PlatformFixtures.builder(server)
			.retry(RetrySettings.none())
			.circuitBreaker(CircuitBreakerSettings.disabled()
				.withEnabled(true)
				.withSlidingWindowSize(4)
				.withMinimumNumberOfCalls(4)
				.withWaitInOpenState(Duration.ofMinutes(5)))
			.build();

		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(InfluenceTransientException.class).isThrownBy(() -> guarded.customers().get("42"))
				.satisfies((ex) -> {
					assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.SERVER_ERROR);
					assertThat(ex.status()).isEqualTo(503);
				});
		}
		assertThatExceptionOfType(InfluenceTransientException.class).isThrownBy(() -> guarded.customers().get("42"))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.CIRCUIT_OPEN);
				assertThat(ex.outcomeUnknown()).isFalse();
				assertThat(ex.status()).isZero();
			});
		server.verify(4, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	@Test
	void clientErrorsDoNotOpenTheCircuitBreaker() {
		server.stubFor(get("/v1/customers/42").willReturn(aResponse().withStatus(422)));
		PlatformClient guarded = PlatformFixtures.builder(server)
			.circuitBreaker(CircuitBreakerSettings.disabled().withEnabled(true).withSlidingWindowSize(2).withMinimumNumberOfCalls(2))
			.build();

		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(InfluenceClientException.class).isThrownBy(() -> guarded.customers().get("42"));
		}
		server.verify(5, getRequestedFor(urlPathEqualTo("/v1/customers/42")));
	}

	private static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
