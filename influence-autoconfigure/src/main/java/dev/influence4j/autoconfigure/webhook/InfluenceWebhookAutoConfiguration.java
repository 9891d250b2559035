package dev.influence4j.autoconfigure.webhook;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;

import dev.influence4j.autoconfigure.InfluenceKeyException;
import dev.influence4j.autoconfigure.InfluenceProperties;
import dev.influence4j.autoconfigure.InfluenceWebhookProperties;
import dev.influence4j.autoconfigure.delivery.InfluenceDeliveryAutoConfiguration;
import dev.influence4j.delivery.Outbox;
import dev.influence4j.delivery.OutboxDispatcher;
import dev.influence4j.webhook.RewardCodeIssuer;
import dev.influence4j.webhook.WebhookInboxHandler;
import dev.influence4j.webhook.WebhookReceiver;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the webhook
 * endpoint in a servlet web application: {@code POST {influence.webhooks.path}/{secret}} stores every delivery in
 * the inbox (the outbox table, or memory without a {@code DataSource}) before answering, and the delivery engine
 * handles it afterwards: published as an {@code InfluenceWebhookEvent}, and its reward code handed to the shop's
 * {@link RewardCodeIssuer}. The endpoint is a servlet filter that runs before every other filter and answers
 * itself, so neither Spring MVC nor Spring Security (nor their loggers) ever see the secret in the URL, and the
 * application's security rules need no exception for it.
 */
@AutoConfiguration(after = InfluenceDeliveryAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
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
		InfluenceWebhookProperties webhooks = properties.getWebhooks();
		return new WebhookReceiver(InfluenceKeyException.checkWebhookSecrets(webhooks),
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
	FilterRegistrationBean<InfluenceWebhookFilter> influenceWebhookFilter(InfluenceProperties properties,
			ObjectProvider<WebhookReceiver> receiver, ObjectProvider<WebhookAnswers> answers) {
		String path = WebhookPath.of(properties.getWebhooks().getPath());
		FilterRegistrationBean<InfluenceWebhookFilter> registration = new FilterRegistrationBean<>(
				new InfluenceWebhookFilter(path, SingletonSupplier.of(receiver::getObject),
						answers.getIfAvailable(() -> WebhookAnswers.NONE)));
		registration.setName("influenceWebhookFilter");
		registration.addUrlPatterns(path + "/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		// Ahead of everything, Spring Security's filter chain and the observation filter included.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	static RewardCodeIssuerCheck influenceRewardCodeIssuerCheck(ObjectProvider<RewardCodeIssuer> issuers) {
		return new RewardCodeIssuerCheck(issuers);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class WebhookMetricsConfiguration {

		@Bean
		WebhookAnswers influenceWebhookMeters(ObjectProvider<MeterRegistry> registry) {
			return new WebhookMeters(registry);
		}

	}

}
