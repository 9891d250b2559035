package dev.influence4j.sample.sandbox;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.influence4j.http.InfluenceApiException;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.platform.WebhookRegistration;
import dev.influence4j.webhook.WebhookTopic;

/**
 * A sandbox shared by several nodes, in a process of its own ({@link SandboxServer}), at
 * {@code sample.sandbox.url}; the {@code shared-sandbox} profile sets it and points influence4j there. Each node
 * subscribes its own webhook URL through the Platform API, as a shop can with the real Influence.io, so every
 * node that is up receives the deliveries; influence4j's inbox, in the shared database, makes a code that
 * reaches several nodes one code.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("sample.sandbox.url")
class SharedSandboxConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SharedSandboxConfiguration.class);

	@Bean
	SandboxWebhookSubscriber sharedSandboxWebhookSubscriber(Environment environment, PlatformClient platform) {
		return new SandboxWebhookSubscriber(environment, (topic, address) -> subscribeOnce(platform, topic, address));
	}

	private static void subscribeOnce(PlatformClient platform, String topic, URI address) {
		try {
			// A node restarted on the same port, or nodes that share one webhook-base-url, must not have every
			// delivery twice. (Two nodes checking at the same moment still can: the inbox copes.)
			boolean subscribed = platform.webhooks()
				.list()
				.stream()
				.anyMatch((existing) -> topic.equals(existing.topic())
						&& address.toString().equals(existing.address()));
			if (!subscribed) {
				WebhookTopic webhookTopic = WebhookTopic.fromWireName(topic).orElseThrow();
				platform.webhooks().create(new WebhookRegistration(webhookTopic, address));
			}
		}
		catch (InfluenceApiException ex) {
			// The store works without webhooks, except that redeemed points then create no code.
			logger.warn("Could not subscribe to {} in the shared Influence.io sandbox ({}); start the sandbox, "
					+ "then restart this node", topic, ex.getMessage());
		}
	}

}
