package dev.influence4j.autoconfigure.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.influence4j.test.InfluenceWebhookSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tomcat's access log, configured as the README says ({@code condition-unless: influence4j.webhook}), logs the
 * application's requests but leaves webhook deliveries (and so the secret) out.
 */
class WebhookAccessLogTests {

	@TempDir
	Path logs;

	@Test
	void theReadmesAccessLogSettingLeavesWebhookDeliveriesOut() throws IOException {
		try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(WebhookTestApplication.class)
			.properties("server.port=0", "spring.main.banner-mode=off", "influence.api-key=EXAMPLE_API_KEY",
					"influence.shop-key=example-com", "influence.webhooks.secret=" + WebhookTestApplication.SECRET,
					"spring.datasource.url=jdbc:h2:mem:webhook-access-log;DB_CLOSE_DELAY=-1",
					"influence.platform.base-url=http://127.0.0.1:9", "server.tomcat.basedir=" + this.logs,
					"server.tomcat.accesslog.enabled=true", "server.tomcat.accesslog.directory=" + this.logs,
					"server.tomcat.accesslog.buffered=false",
					"server.tomcat.accesslog.condition-unless=influence4j.webhook")
			.run()) {
			RawHttp http = new RawHttp(((WebServerApplicationContext) shop).getWebServer().getPort());

			assertThat(http.send("POST", "/influence/webhooks/" + WebhookTestApplication.SECRET,
					Map.of("Content-Type", "application/json", "X-Webhook-Topic", "points/earned", "X-Webhook-Id", "log-1"),
					InfluenceWebhookSamples.body("points/earned")).status()).isEqualTo(200);
			assertThat(http.send("POST", "/influence/webhooks/wrong-" + WebhookTestApplication.SECRET, Map.of(),
					new byte[0]).status()).isEqualTo(404);
			assertThat(http.send("GET", "/a-page-of-the-shop", Map.of(), new byte[0]).status()).isEqualTo(401);

			await().untilAsserted(() -> assertThat(accessLog()).contains("GET /a-page-of-the-shop"));
			assertThat(accessLog()).doesNotContain(WebhookTestApplication.SECRET).doesNotContain("/influence/webhooks");
		}
	}

	private String accessLog() throws IOException {
		try (Stream<Path> files = Files.list(this.logs)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("access_log"))
				.map((file) -> {
					try {
						return Files.readString(file);
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.collect(Collectors.joining());
		}
	}

}
