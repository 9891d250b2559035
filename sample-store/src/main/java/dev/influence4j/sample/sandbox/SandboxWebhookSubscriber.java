package dev.influence4j.sample.sandbox;

import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Subscribes the store's webhook endpoint, {@code <base>/<influence.webhooks.path>/<secret>}, to the topics
 * that carry reward codes, as a merchant would in Influence.io's dashboard. The base is
 * {@code sample.sandbox.webhook-base-url}, by default {@code http://localhost:<port>}. It waits for the web
 * server because only then is the port known (tests use a random one). How a subscription is made depends on
 * where the sandbox runs: in the store ({@link EmbeddedSandbox}) or in a process of its own
 * ({@link SharedSandboxConfiguration}).
 */
final class SandboxWebhookSubscriber implements ApplicationListener<WebServerInitializedEvent> {

	/** Topics whose deliveries carry a coupon code the shop must create. */
	static final List<String> TOPICS = List.of("points/redeemed", "referrals/started", "referrals/completed",
			"customers/tier_entry_reward_earned");

	private static final Logger logger = LoggerFactory.getLogger(SandboxWebhookSubscriber.class);

	private final Environment environment;

	private final BiConsumer<String, URI> subscribe;

	/**
	 * A subscriber.
	 * @param environment where the webhook settings are read
	 * @param subscribe subscribes an address to a topic
	 */
	SandboxWebhookSubscriber(Environment environment, BiConsumer<String, URI> subscribe) {
		this.environment = environment;
		this.subscribe = subscribe;
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
		String base = this.environment.getProperty("sample.sandbox.webhook-base-url",
				"http://localhost:" + event.getWebServer().getPort());
		String path = this.environment.getProperty("influence.webhooks.path", "/influence/webhooks");
		URI address = URI.create(base + path + "/" + secret);
		TOPICS.forEach((topic) -> this.subscribe.accept(topic, address));
		logger.info("Influence.io sandbox delivers {} to {}{}/<influence.webhooks.secret>", TOPICS, base, path);
	}

}
