package dev.influence4j.sample.sandbox;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import dev.influence4j.test.InfluenceSandbox;

/**
 * Subscribes the store's webhook endpoint, {@code http://localhost:<port><influence.webhooks.path>/<secret>},
 * to the topics that carry reward codes, as a merchant would in Influence.io's dashboard. It waits for the
 * web server because only then is the port known (tests use a random one).
 */
final class SandboxWebhookSubscriber implements ApplicationListener<WebServerInitializedEvent> {

	/** Topics whose deliveries carry a coupon code the shop must create. */
	static final List<String> TOPICS = List.of("points/redeemed", "referrals/started", "referrals/completed",
			"customers/tier_entry_reward_earned");

	private static final Logger logger = LoggerFactory.getLogger(SandboxWebhookSubscriber.class);

	private final InfluenceSandbox sandbox;

	private final Environment environment;

	SandboxWebhookSubscriber(InfluenceSandbox sandbox, Environment environment) {
		this.sandbox = sandbox;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		String secret = this.environment.getProperty("influence.webhooks.secret");
		if (secret == null || secret.isBlank()) {
			logger.warn("influence.webhooks.secret is not set: the sandbox will not deliver webhooks to the store");
			return;
		}
		String path = this.environment.getProperty("influence.webhooks.path", "/influence/webhooks");
		URI address = URI.create("http://localhost:" + event.getWebServer().getPort() + path + "/" + secret);
		TOPICS.forEach((topic) -> this.sandbox.subscribe(topic, address));
		logger.info("Influence.io sandbox delivers {} to http://localhost:{}{}/<influence.webhooks.secret>", TOPICS,
				event.getWebServer().getPort(), path);
	}

}
