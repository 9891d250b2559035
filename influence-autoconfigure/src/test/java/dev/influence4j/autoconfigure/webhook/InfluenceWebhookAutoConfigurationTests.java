package dev.influence4j.autoconfigure.webhook;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.webhook.RewardCodeIssuer;
import dev.influence4j.webhook.WebhookInboxHandler;
import dev.influence4j.webhook.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook beans: present in a servlet web application with a secret, absent when switched off or outside
 * a web application, the application's own receiver used instead, and a clear startup failure without a
 * usable secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class InfluenceWebhookAutoConfigurationTests {

	private static final String SECRET = "test-webhook-secret-0123456789abcdefghijkl";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class,
				InfluenceDeliveryAutoConfiguration.class, InfluenceWebhookAutoConfiguration.class))
		.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com");

	@Test
	void providesTheEndpointTheReceiverAndTheInboxHandler() {
		this.runner.withPropertyValues("influence.webhooks.secret=" + SECRET)
			.withBean(RewardCodeIssuer.class, () -> (code) -> { })
			.run((context) -> assertThat(context).hasSingleBean(WebhookReceiver.class)
				.hasSingleBean(InfluenceWebhookController.class)
				.hasSingleBean(WebhookInboxHandler.class)
				.hasBean("influenceWebhookSecurityCustomizer"));
	}

	@Test
	void definesNothingWhenWebhooksAreSwitchedOffEvenWithoutASecret() {
		this.runner.withPropertyValues("influence.webhooks.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WebhookReceiver.class)
				.doesNotHaveBean(InfluenceWebhookController.class));
	}

	@Test
	void definesNothingOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class,
					InfluenceDeliveryAutoConfiguration.class, InfluenceWebhookAutoConfiguration.class))
			.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WebhookReceiver.class));
	}

	@Test
	void backsOffFromTheApplicationsOwnReceiver() {
		this.runner.withUserConfiguration(OwnReceiver.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(WebhookReceiver.class)
				.isSameAs(context.getBean(OwnReceiver.class).receiver));
	}

	@Test
	void withoutASecretStartupFailsWithAReportThatSaysWhatToAdd() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("influence.webhooks.secret is not set",
					"all that authenticates a delivery");
			assertThat(analysis.getAction()).contains("    influence:\n      webhooks:\n        secret: ${INFLUENCE_WEBHOOKS_SECRET}")
				.contains("influence.webhooks.enabled=false");
		});
	}

	@Test
	void aShortSecretIsRefusedWithoutBeingPrinted() {
		this.runner.withPropertyValues("influence.webhooks.secret=tooshort-secret").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("shorter than 32 characters").doesNotContain("tooshort-secret");
			assertThat(analysis.getAction()).doesNotContain("tooshort-secret");
		});
	}

	@Test
	void warnsAtStartupWhenNoIssuerCreatesTheCodes(CapturedOutput output) {
		this.runner.withPropertyValues("influence.webhooks.secret=" + SECRET).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("has no RewardCodeIssuer bean").doesNotContain(SECRET);
		});
	}

	@Test
	void doesNotWarnWhenTheShopHasAnIssuer(CapturedOutput output) {
		this.runner.withPropertyValues("influence.webhooks.secret=" + SECRET)
			.withBean(RewardCodeIssuer.class, () -> (code) -> { })
			.run((context) -> assertThat(output).doesNotContain("has no RewardCodeIssuer bean"));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof WebhookSecretException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(WebhookSecretException.class);
		return new WebhookSecretFailureAnalyzer().analyze(failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnReceiver {

		final WebhookReceiver receiver;

		OwnReceiver() {
			this.receiver = new WebhookReceiver(SECRET, 1024, 1,
					new InMemoryOutbox(Clock.systemUTC()), () -> { }, Clock.systemUTC());
		}

		@Bean
		WebhookReceiver ownWebhookReceiver() {
			return this.receiver;
		}

		@Bean
		Outbox ownOutbox() {
			return new InMemoryOutbox(Clock.systemUTC());
		}

	}

}
