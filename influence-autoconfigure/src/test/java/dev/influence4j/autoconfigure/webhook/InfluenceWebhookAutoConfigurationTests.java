package dev.influence4j.autoconfigure.webhook;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

import dev.influence4j.autoconfigure.KeyFailureAnalysis;
import dev.influence4j.autoconfigure.InfluenceAutoConfiguration;
import dev.influence4j.autoconfigure.InfluenceKeyException;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.delivery.InMemoryOutbox;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.webhook.RewardCodeIssuer;
import dev.influence4j.webhook.WebhookInboxHandler;
import dev.influence4j.webhook.WebhookReceiver;
import dev.influence4j.webhook.WebhookSecrets;

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
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(WebhookReceiver.class)
					.hasSingleBean(WebhookInboxHandler.class)
					.hasBean("influenceWebhookFilter");
				FilterRegistrationBean<?> filter = context.getBean("influenceWebhookFilter", FilterRegistrationBean.class);
				assertThat(filter.getFilter()).isInstanceOf(InfluenceWebhookFilter.class);
				assertThat(filter.getUrlPatterns()).containsExactly("/influence/webhooks/*");
				assertThat(filter.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
			});
	}

	@Test
	void definesNothingWhenWebhooksAreSwitchedOffEvenWithoutASecret() {
		this.runner.withPropertyValues("influence.webhooks.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(WebhookReceiver.class)
				.doesNotHaveBean("influenceWebhookFilter"));
	}

	@Test
	void definesNothingOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InfluenceAutoConfiguration.class,
					InfluenceDeliveryAutoConfiguration.class, InfluenceWebhookAutoConfiguration.class))
			.withPropertyValues("influence.api-key=EXAMPLE_API_KEY", "influence.shop-key=example-com")
			.run((context) -> assertThat(context).hasNotFailed()
				// The rest of influence4j is there: only the web endpoint is missing.
				.hasSingleBean(Outbox.class)
				.doesNotHaveBean(WebhookReceiver.class)
				.doesNotHaveBean("influenceWebhookFilter"));
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
				.contains("INFLUENCE_WEBHOOKS_SECRET")
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

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "${SHOP_WEBHOOK_SECRET}", "${SHOP_WEBHOOK_SECRET_OF_THE_PRODUCTION_SHOP_0123}",
			"prefix-${SHOP_WEBHOOK_SECRET}-and-enough-characters-to-be-long" })
	void aSecretThatIsAnUnresolvedPlaceholderIsRefusedWhateverItsLength(String placeholder) {
		String variable = placeholder.substring(placeholder.indexOf("${") + 2, placeholder.indexOf('}'));
		this.runner.withPropertyValues("influence.webhooks.secret=" + placeholder).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("influence.webhooks.secret is the unresolved placeholder ${"
					+ variable + "}", "the environment variable " + variable + " is not set");
			assertThat(analysis.getAction()).contains("Export " + variable)
				.contains("        secret: ${" + variable + "}");
		});
	}

	@ParameterizedTest(name = "[{index}] ''{0}''")
	@ValueSource(strings = { "", " ", "   \t  " })
	void aBlankSecretIsRefused(String blank) {
		this.runner.withPropertyValues("influence.webhooks.secret=" + blank).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyze(context.getStartupFailure()).getDescription()).contains("influence.webhooks.secret is not set");
		});
	}

	@Test
	void aSecretWithALineBreakIsRefused() {
		// Set directly: property values given as "name=value" text would be trimmed.
		this.runner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("secret", Map.of("influence.webhooks.secret", SECRET + "\n"))))
			.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("influence.webhooks.secret starts or ends with whitespace")
				.doesNotContain(SECRET);
		});
	}

	@Test
	void aPreviousSecretThatIsAnUnresolvedPlaceholderIsRefusedButABlankOneMeansNone() {
		this.runner.withPropertyValues("influence.webhooks.secret=" + SECRET,
				"influence.webhooks.previous-secret=${SHOP_OLD_WEBHOOK_SECRET}")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("influence.webhooks.previous-secret is the unresolved placeholder ${SHOP_OLD_WEBHOOK_SECRET}")
					.doesNotContain("influence.webhooks.secret ");
				assertThat(analysis.getAction()).contains("previous-secret: ${SHOP_OLD_WEBHOOK_SECRET}");
			});
		this.runner.withPropertyValues("influence.webhooks.secret=" + SECRET, "influence.webhooks.previous-secret=")
			.withBean(RewardCodeIssuer.class, () -> (code) -> { })
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WebhookReceiver.class));
	}

	@Test
	void aPathThatIsNoPlainPathIsRefused() {
		this.runner.withPropertyValues("influence.webhooks.secret=" + SECRET, "influence.webhooks.path=/hooks/*")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("influence.webhooks.path must be a plain path"));
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
			.run((context) -> {
				// The check ran: without a started context the warning would be absent for the wrong reason.
				assertThat(context).hasNotFailed().hasBean("influenceRewardCodeIssuerCheck");
				assertThat(output).doesNotContain("has no RewardCodeIssuer bean");
			});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof InfluenceKeyException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(InfluenceKeyException.class);
		FailureAnalysis analysis = KeyFailureAnalysis.of(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnReceiver {

		final WebhookReceiver receiver;

		OwnReceiver() {
			this.receiver = new WebhookReceiver(WebhookSecrets.of(SECRET), 1024, 1,
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
