package dev.influence4j.autoconfigure.webhook;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.DispatcherServlet;

import dev.influence4j.autoconfigure.InfluenceProperties;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.webhook.RewardCodeIssuer;
import dev.influence4j.webhook.WebhookInboxHandler;
import dev.influence4j.webhook.WebhookReceiver;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the webhook
 * endpoint in a Spring MVC application: {@code POST {influence.webhooks.path}/{secret}} stores every delivery in
 * the inbox (the outbox table, or memory without a {@code DataSource}) before answering, and the delivery
 * engine handles it afterwards: published as an {@code InfluenceWebhookEvent}, and its reward code handed to
 * the shop's {@link RewardCodeIssuer}. With Spring Security, the endpoint is left out of the security filter
 * chain: it authenticates by its secret, and Influence.io sends no session, CSRF token or credentials.
 */
@AutoConfiguration(after = InfluenceDeliveryAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "influence.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "influence.webhooks.enabled", matchIfMissing = true)
@ConditionalOnBean({ Outbox.class, OutboxDispatcher.class })
public final class InfluenceWebhookAutoConfiguration {

	/** Deliveries stored at the same time before more are answered 429. */
	static final int MAX_CONCURRENT_DELIVERIES = 32;

	@Bean
	@ConditionalOnMissingBean
	WebhookReceiver influenceWebhookReceiver(InfluenceProperties properties, Outbox outbox,
			OutboxDispatcher dispatcher) {
		InfluenceProperties.Webhooks webhooks = properties.getWebhooks();
		return new WebhookReceiver(WebhookSecretException.check(webhooks.getSecret()),
				webhooks.getMaxBodySize().toBytes(), MAX_CONCURRENT_DELIVERIES, outbox, dispatcher::nudge,
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookInboxHandler influenceWebhookInboxHandler(ApplicationEventPublisher events,
			ObjectProvider<RewardCodeIssuer> issuers) {
		return new WebhookInboxHandler(events::publishEvent, issuers::getIfAvailable);
	}

	@Bean
	InfluenceWebhookController influenceWebhookController(WebhookReceiver receiver) {
		return new InfluenceWebhookController(receiver);
	}

	@Bean
	static RewardCodeIssuerCheck influenceRewardCodeIssuerCheck(ObjectProvider<RewardCodeIssuer> issuers) {
		return new RewardCodeIssuerCheck(issuers);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebSecurityCustomizer.class, PathPatternRequestMatcher.class })
	static class WebhookSecurityConfiguration {

		@Bean
		WebSecurityCustomizer influenceWebhookSecurityCustomizer(InfluenceProperties properties) {
			String pattern = properties.getWebhooks().getPath() + "/*";
			return (web) -> web.ignoring().requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern));
		}

	}

}
