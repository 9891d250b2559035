package dev.influence4j.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.influence4j.test.InfluenceWebhookSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With every Spring logger (and influence4j's, HikariCP's and H2's) at TRACE, deliveries of every kind, good and
 * bad, leave the secret in no log line, and neither the current nor the previous secret of a rotation appears.
 * That the loggers really were at TRACE is checked on an ordinary request, which Spring MVC and Spring Security
 * do log. Tomcat's own loggers are left at their defaults: at DEBUG, Tomcat itself prints every request's URI
 * ({@code org.apache.catalina.authenticator}) and raw bytes ({@code org.apache.coyote}), as its access log
 * does; the README says to keep them off for this reason. A wrong secret is logged at debug with the path, the
 * secret masked.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=" + WebhookTestApplication.SECRET,
				"influence.webhooks.previous-secret=" + WebhookSecretNeverLoggedTests.PREVIOUS,
				"spring.datasource.url=jdbc:h2:mem:webhook-logs;DB_CLOSE_DELAY=-1",
				"influence.delivery.poll-interval=50ms", "influence.platform.base-url=http://127.0.0.1:9" })
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecretNeverLoggedTests {

	static final String PREVIOUS = "previous-webhook-secret-abcdefghijklmnopqrstuvwxyz";

	/** Every logger of the application's stack above the servlet container. */
	private static final List<String> LOGGERS = List.of("org.springframework", "dev.influence4j", "com.zaxxer",
			"org.h2");

	/**
	 * The test framework's own loggers, which print this test's configuration (the secret included, since the
	 * test sets it as a property), not anything the application logs.
	 */
	private static final List<String> TEST_FRAMEWORK = List.of("org.springframework.test", "org.springframework.boot.test");

	@LocalServerPort
	private int port;

	@Autowired
	private WebhookTestApplication.WebhookEventLog events;

	@Autowired
	private WebhookTestApplication.RecordingIssuer issuer;

	@AfterEach
	void quiet() {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		LOGGERS.forEach((name) -> logging.setLogLevel(name, null));
		TEST_FRAMEWORK.forEach((name) -> logging.setLogLevel(name, null));
	}

	@Test
	void noDeliveryPutsTheSecretInAnyLogLineEvenAtTrace(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		LOGGERS.forEach((name) -> logging.setLogLevel(name, LogLevel.TRACE));
		TEST_FRAMEWORK.forEach((name) -> logging.setLogLevel(name, LogLevel.INFO));
		RawHttp http = new RawHttp(this.port);
		byte[] redeemed = InfluenceWebhookSamples.body("points/redeemed");
		Map<String, String> json = Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/redeemed",
				"X-Webhook-Id", "log-1");
		byte[] big = new byte[300 * 1024];
		Arrays.fill(big, (byte) ' ');

		List<Integer> statuses = List.of(
				http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET, json, redeemed).status(),
				http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET, json, redeemed).status(),
				http.send("POST", "/influence/webhooks/" + PREVIOUS,
						Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/redeemed", "X-Webhook-Id",
								"log-2"), redeemed).status(),
				http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET,
						Map.of("Content-Type", "multipart/form-data", "X-Webhook-Topic", "points/redeemed"),
						"--x\r\n\r\n".getBytes(StandardCharsets.UTF_8)).status(),
				http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET,
						Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/redeemed"), big).status(),
				http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET,
						Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/redeemed"),
						"{oops".getBytes(StandardCharsets.UTF_8)).status(),
				http.send("GET", "/influence/webhooks/" + WebhookTestApplication.SECRET, Map.of(), new byte[0]).status(),
				http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET + "/x", json, redeemed).status(),
				http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET.substring(1), json, redeemed)
					.status());
		// An ordinary request, which the frameworks do log at these levels.
		int ordinary = http.send("GET", "/an-ordinary-page", Map.of(), new byte[0]).status();

		assertThat(statuses).containsExactly(200, 200, 200, 415, 413, 400, 405, 404, 404);
		assertThat(ordinary).isEqualTo(401);
		await().untilAsserted(() -> assertThat(this.issuer.calls).hasSize(2));
		await().untilAsserted(() -> assertThat(this.events.events).hasSizeGreaterThanOrEqualTo(2));
		assertThat(output.getOut()).as("the frameworks logged at TRACE")
			.contains("/an-ordinary-page")
			.containsPattern("TRACE .* o\\.s\\.");
		assertThat(output.getAll()).doesNotContain(WebhookTestApplication.SECRET)
			.doesNotContain(PREVIOUS)
			.doesNotContain(WebhookTestApplication.SECRET.substring(1));
	}

	@Test
	void aWrongSecretIsLoggedAtDebugWithThePathAndNeitherSecret(CapturedOutput output) {
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel("dev.influence4j", LogLevel.DEBUG);
		String guessed = "guessed-webhook-secret-0123456789abcdefghij";

		RawHttp.Answer answer = new RawHttp(this.port).send("POST", "/influence/webhooks/" + guessed,
				Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/redeemed", "X-Webhook-Id",
						"wrong-1"), InfluenceWebhookSamples.body("points/redeemed"));
		// Another method is answered 405 before the secret is looked at, wrong or right (the README says so).
		RawHttp.Answer get = new RawHttp(this.port).send("GET", "/influence/webhooks/" + guessed, Map.of(), new byte[0]);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(get.status()).isEqualTo(405);
		assertThat(get.header("Allow")).isEqualTo("POST");
		assertThat(output.getOut().lines().filter((line) -> line.contains("wrong secret"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("DEBUG")
				.contains("wrong secret in /influence/webhooks/*** ")
				.contains("points/redeemed"));
		assertThat(output.getAll()).doesNotContain(guessed).doesNotContain(WebhookTestApplication.SECRET);
	}

}
