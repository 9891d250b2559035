package dev.influence4j.webhook;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.Require;
import dev.influence4j.delivery.DeliveryHandler;
import dev.influence4j.delivery.EntryPayloads;
import dev.influence4j.delivery.OutboxEntry;
import dev.influence4j.delivery.PermanentDeliveryException;
import dev.influence4j.http.InfluenceClientBuilder;

/**
 * Handles stored webhook deliveries through the delivery engine, so that handling is retried on failure,
 * ends as a replayable dead letter, and is never lost. For each delivery: read the body into its topic's
 * record, publish it as an {@link InfluenceWebhookEvent}, then, when it carries a reward code, ask the
 * shop's {@link RewardCodeIssuer} to create it. Events are published first so that a listener failing
 * makes the retry happen before the issuer was called; the issuer is called again only after it failed
 * itself (or the node crashed), and is then told so.
 */
public final class WebhookInboxHandler implements DeliveryHandler {

	private static final JsonMapper JSON = InfluenceClientBuilder.jsonMapper();

	private final Consumer<InfluenceWebhookEvent<?>> publisher;

	private final Supplier<@Nullable RewardCodeIssuer> issuer;

	/**
	 * Create the handler.
	 * @param publisher publishes events (Spring's {@code ApplicationEventPublisher::publishEvent})
	 * @param issuer the shop's issuer, looked up at each delivery; may supply {@code null} when the shop has none
	 */
	public WebhookInboxHandler(Consumer<InfluenceWebhookEvent<?>> publisher, Supplier<@Nullable RewardCodeIssuer> issuer) {
		this.publisher = Require.present(publisher, "event publisher");
		this.issuer = Require.present(issuer, "reward code issuer supplier");
	}

	@Override
	public String kind() {
		return WebhookReceiver.KIND;
	}

	@Override
	public void deliver(OutboxEntry entry) throws Exception {
		ReceivedWebhook received = EntryPayloads.read(entry, ReceivedWebhook.class);
		JsonNode body;
		try {
			body = JSON.readTree(received.body());
		}
		catch (JacksonException ex) {
			throw new PermanentDeliveryException("stored webhook " + received.webhookId() + " is not JSON");
		}
		Optional<WebhookTopic> topic = WebhookTopic.fromWireName(received.topic());
		Object payload;
		try {
			payload = topic.<Object>map((known) -> WebhookPayloads.parse(known, body))
				.orElseGet(() -> new UnknownWebhook(received.topic(), body));
		}
		catch (InvalidWebhookException ex) {
			throw new PermanentDeliveryException(received.topic() + " " + received.webhookId() + ": " + ex.getMessage());
		}
		boolean retry = entry.attempts() > 0;
		this.publisher.accept(new InfluenceWebhookEvent<>(received.topic(), received.webhookId(), payload, body,
				received.receivedAt(), entry.attempts() + 1));
		Optional<RewardCode> code = WebhookPayloads.rewardCode(payload, received.webhookId(), retry);
		if (code.isEmpty()) {
			if (topic.filter((known) -> known == WebhookTopic.CUSTOMERS_TIER_ENTRY_REWARD_EARNED).isPresent()) {
				throw new PermanentDeliveryException(received.topic() + " " + received.webhookId()
						+ " carries no coupon code (looked for 'couponCode' and 'reward.couponCode'); the body is kept "
						+ "in this dead letter for review");
			}
			return;
		}
		RewardCodeIssuer shopIssuer = this.issuer.get();
		if (shopIssuer == null) {
			throw new PermanentDeliveryException("no RewardCodeIssuer bean: implement "
					+ "dev.influence4j.webhook.RewardCodeIssuer so the shop creates the discount codes Influence.io "
					+ "issues (" + received.topic() + " " + received.webhookId() + "), then requeue this dead letter");
		}
		shopIssuer.issue(code.get());
	}

	@Override
	public String toString() {
		return "WebhookInboxHandler";
	}

}
