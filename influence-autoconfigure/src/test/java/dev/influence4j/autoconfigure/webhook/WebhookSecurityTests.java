package dev.influence4j.autoconfigure.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.influence4j.test.InfluenceWebhookSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Spring Security, the webhook path is reachable without a login or CSRF token while the rest of the
 * application stays exactly as protected as the shop configured it, and no warning is logged, neither at
 * startup nor for a delivery: influence4j asks Spring Security for no exception to ignore paths.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecurityTests {

	/** The level of a line in Spring Boot's console format: date and time, level, process id, {@code ---}. */
	private static final Pattern LEVEL = Pattern.compile("(?m)^\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s+\\d+ --- .*$");

	@Test
	void protectedPathsStayProtectedWhileTheWebhookPathIsReachableAndNoWarningIsLogged(CapturedOutput output) {
		try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(WebhookTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "influence.api-key=EXAMPLE_API_KEY",
					"influence.shop-key=example-com", "influence.webhooks.secret=" + WebhookTestApplication.SECRET,
					"spring.datasource.url=jdbc:h2:mem:webhook-security;DB_CLOSE_DELAY=-1",
					"influence.platform.base-url=http://127.0.0.1:9",
					// A shop's own user, as every real shop has: else Boot warns that it generated a password.
					"spring.security.user.password=shop-admin-password")
			.run()) {
			RawHttp http = new RawHttp(((WebServerApplicationContext) shop).getWebServer().getPort());
			Map<String, String> json = Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/earned",
					"X-Webhook-Id", "security-1");

			RawHttp.Answer webhook = http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET, json,
					InfluenceWebhookSamples.body("points/earned"));
			RawHttp.Answer page = http.send("GET", "/account", Map.of(), new byte[0]);
			RawHttp.Answer postWithoutLogin = http.send("POST", "/account", json, InfluenceWebhookSamples.body("points/earned"));
			RawHttp.Answer besideTheWebhookPath = http.send("POST", "/influence/webhooks", json,
					InfluenceWebhookSamples.body("points/earned"));

			assertThat(webhook.status()).isEqualTo(200);
			assertThat(webhook.body()).isEqualTo("{\"result\":\"accepted\"}");
			assertThat(page.status()).isEqualTo(401);
			assertThat(postWithoutLogin.status()).isIn(401, 403);
			assertThat(besideTheWebhookPath.status()).as("the bare path is the application's, and protected").isIn(401, 403);
			// The delivery was handled (published as an event) before the log is read.
			WebhookTestApplication.WebhookEventLog events = shop.getBean(WebhookTestApplication.WebhookEventLog.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> events.events.stream().anyMatch((event) -> event.webhookId().equals("security-1")));
			String log = output.getAll();
			assertThat(log).contains("Tomcat started on port").contains("influence4j delivery started on node");
			List<MatchResult> lines = LEVEL.matcher(log).results().toList();
			assertThat(lines).as("lines in Boot's console format").anyMatch((line) -> line.group(1).equals("INFO"));
			assertThat(lines).filteredOn((line) -> line.group(1).equals("WARN") || line.group(1).equals("ERROR"))
				.extracting(MatchResult::group)
				.as("lines at WARN or above")
				.isEmpty();
			assertThat(log).doesNotContain("You are asking Spring Security to ignore").doesNotContain("not recommended");
		}
	}

}
