package dev.influence4j.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.influence4j.events.OrderCompletedEvent;
import dev.influence4j.platform.FinancialStatus;
import dev.influence4j.platform.InfluenceOrder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API key and the webhook secret never show: not in {@code /actuator/env} or {@code /actuator/configprops}
 * even with values shown, not in the logs (at debug level, with Influence.io echoing the key in an error), not
 * in any influence4j bean's {@code toString()}.
 */
@ExtendWith(OutputCaptureExtension.class)
class InfluenceSecretsTests {

	static final String API_KEY = "SECRET_API_KEY_0123456789";

	static final String WEBHOOK_SECRET = "WEBHOOK_SECRET_9876543210_abcdefghijklmnop";

	@RegisterExtension
	static WireMockExtension influence = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theApiKeyAndWebhookSecretNeverShow(CapturedOutput output) throws Exception {
		influence.stubFor(post("/v1/orders").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"invalid API key " + API_KEY + "\"}")));
		try (ConfigurableApplicationContext context = start()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();

			String env = get(port, "/actuator/env");
			assertThat(env).contains("example-com").contains("influence.api-key").contains("\"******\"");
			assertThat(env).doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET);
			assertThat(get(port, "/actuator/env/influence.api-key")).contains("******").doesNotContain(API_KEY);
			assertThat(get(port, "/actuator/env/shop.copy-of-the-key")).contains("******").doesNotContain(API_KEY);

			String configprops = get(port, "/actuator/configprops");
			assertThat(configprops).contains("\"shopKey\":\"example-com\"").contains("\"apiKey\":\"******\"");
			assertThat(configprops).doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET);

			context.publishEvent(OrderCompletedEvent.of(order()));
			await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("delivery paused"));

			List<String> described = new ArrayList<>();
			for (String name : context.getBeanDefinitionNames()) {
				Object bean = context.getBean(name);
				if (bean.getClass().getName().startsWith("dev.influence4j")) {
					described.add(name + ": " + bean);
				}
			}
			assertThat(described).hasSizeGreaterThan(10)
				.allSatisfy((text) -> assertThat(text).doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET));
		}
		assertThat(output).contains("invalid API key").doesNotContain(API_KEY).doesNotContain(WEBHOOK_SECRET);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SecretsTestApplication.class).properties("influence.api-key=" + API_KEY,
				"influence.shop-key=example-com", "influence.webhooks.secret=" + WEBHOOK_SECRET,
				"shop.copy-of-the-key=${influence.api-key}", "influence.platform.base-url=" + influence.baseUrl(),
				"influence.http.retry.max-attempts=1", "server.port=0", "spring.main.banner-mode=off",
				"management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"logging.level.dev.influence4j=debug", "logging.level.org.springframework.web.client=debug")
			.run();
	}

	private String get(int port, String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return response.body();
	}

	private static InfluenceOrder order() {
		return InfluenceOrder.builder("1001")
			.customerId("42")
			.email("jane@example.com")
			.financialStatus(FinancialStatus.PAID)
			.totalPrice(new BigDecimal("10.00"))
			.currency("EUR")
			.createdAt(Instant.parse("2026-11-25T10:00:00Z"))
			.build();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecretsTestApplication {

		@Bean
		SecurityFilterChain openToEveryone(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

}
