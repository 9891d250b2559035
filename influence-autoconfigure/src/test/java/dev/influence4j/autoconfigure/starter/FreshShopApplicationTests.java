package dev.influence4j.autoconfigure.starter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Done when: a fresh Spring Boot web application with the starter and the two keys renders the widget element
 * with a correct digest for its logged-in user, over a real HTTP server, and fails with a clear message when a
 * key is missing.
 */
@SpringBootTest(classes = FreshShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com",
				"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl" })
@ExtendWith(OutputCaptureExtension.class)
class FreshShopApplicationTests {

	@LocalServerPort
	private int port;

	@Test
	void rendersTheWidgetWithTheDigestOfTheLoggedInCustomer() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/account"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString("example:secret".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<div class=\"influenceio-widgets-init\" data-shop=\"example-com\" "
				+ "data-base-url=\"https://launcher.api.influence.io/launcher\" data-customer-email=\"example@example.com\" "
				+ "data-customer-id=\"external-123\" "
				+ "data-customer-digest=\"412dab0de9cad9d7788089ea6563dd12eea9f6cd6af0826d21e7dc6438b2fa7d\"></div>");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
	}

	@Test
	void withoutTheShopKeyTheApplicationStopsWithAReportThatSaysWhatToAdd(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(FreshShopApplication.class)
			.properties("influence.api-key=EXAMPLE_API_KEY", "server.port=0", "spring.main.banner-mode=off",
					"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl");

		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("influence4j is enabled but influence.shop-key is not set")
			.contains("influence:\n      shop-key: example-com")
			.doesNotContain("EXAMPLE_API_KEY");
	}

	@Test
	void withTheApiKeyVariableNotExportedTheApplicationStopsNamingTheVariable(CapturedOutput output) {
		// application.yml as the README shows it, in a shell where the variable was never exported.
		SpringApplicationBuilder application = new SpringApplicationBuilder(FreshShopApplication.class)
			.properties("influence.api-key=${FRESH_SHOP_INFLUENCE_API_KEY}", "influence.shop-key=example-com",
					"server.port=0", "spring.main.banner-mode=off",
					"influence.webhooks.secret=test-webhook-secret-0123456789abcdefghijkl");

		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("influence.api-key is the unresolved placeholder ${FRESH_SHOP_INFLUENCE_API_KEY}")
			.contains("Export FRESH_SHOP_INFLUENCE_API_KEY");
	}

}
