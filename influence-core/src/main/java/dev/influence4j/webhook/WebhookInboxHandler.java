package dev.influence4j.webhook;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.Require;
import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.EntryKind;
import dev.influence4j.json.InfluenceJson;

/**
 * Handles stored webhook deliveries through the delivery engine, so that handling is retried on failure,
 * ends as a replayable dead letter, and is never lost. For each delivery: read the body into its topic's
 * record, publish it as an {@link InfluenceWebhookEvent}, then, when it carries a reward code, ask the
 * shop's {@link RewardCodeIssuer} to create it. Events are published first so that a listener failing
 * makes the retry happen before the issuer was called; the issuer is called again only after it failed
 * itself (or the node crashed), and is then told so.
 */
public final class WebhookInboxHandler implements EntryKind<ReceivedWebhook> {

	private static final JsonMapper JSON = InfluenceJson.mapper();

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
	public String name() {
		return WebhookReceiver.KIND;
	}

	@Override
	public Class<ReceivedWebhook> payloadType() {
		return ReceivedWebhook.class;
	}

	@Override
	public String entityKey(ReceivedWebhook received) {
		return WebhookReceiver.entityKey(received.topic(), received.webhookId());
	}

	@Override
	public DeliveryOutcome deliver(ReceivedWebhook received, DeliveryAttempt attempt) {
		JsonNode body;
		try {
			body = JSON.readTree(received.body());
		}
		catch (JacksonException ex) {
			return DeliveryOutcome.dead("stored webhook " + received.webhookId() + " is not JSON");
		}
		WebhookPayload payload;
		try {
			payload = WebhookPayload.parse(received.topic(), body);
		}
		catch (InvalidWebhookException ex) {
			return DeliveryOutcome.dead(received.topic() + " " + received.webhookId() + ": " + ex.getMessage());
		}
		// A listener that throws is retried like any transient failure (the engine catches it).
		this.publisher.accept(new InfluenceWebhookEvent<>(received.topic(), received.webhookId(), payload, body,
				received.receivedAt(), attempt.previousAttempts() + 1));
		Optional<RewardCode> code;
		try {
			code = payload.rewardCode(received.webhookId(), attempt.retry());
		}
		catch (InvalidWebhookException ex) {
			// Accepted and published, but the code it exists to hand over is missing: kept for review.
			return DeliveryOutcome.dead(received.topic() + " " + received.webhookId() + " " + ex.getMessage()
					+ "; the body is kept in this dead letter for review");
		}
		if (code.isEmpty()) {
			return DeliveryOutcome.delivered();
		}
		RewardCodeIssuer shopIssuer = this.issuer.get();
		if (shopIssuer == null) {
			return DeliveryOutcome.dead("no RewardCodeIssuer bean: implement "
					+ "dev.influence4j.webhook.RewardCodeIssuer so the shop creates the discount codes Influence.io "
					+ "issues (" + received.topic() + " " + received.webhookId() + "), then requeue this dead letter");
		}
		try {
			shopIssuer.issue(code.get());
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return DeliveryOutcome.retry("the shop's RewardCodeIssuer failed: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""), ex);
		}
		return DeliveryOutcome.delivered();
	}

	@Override
	public String toString() {
		return "WebhookInboxHandler";
	}

}
