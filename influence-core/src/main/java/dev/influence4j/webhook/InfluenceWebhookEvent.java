package dev.influence4j.webhook;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * A webhook from Influence.io, published as a Spring application event after it was stored and parsed.
 * Listen for one topic through the payload type:
 * <pre>{@code
 * @EventListener
 * void onRedeemed(InfluenceWebhookEvent<PointsRedeemed> event) {
 *     mailer.sendRewardMail(event.payload().customer().email(), event.payload().couponCode());
 * }
 * }</pre>
 * Delivery to listeners is at least once: a listener that throws makes the delivery retried later, and
 * other listeners see it again. The payload types are the {@link WebhookPayload} records:
 * {@link CustomerUpdated}, {@link TierChanged}, {@link TierEntryRewardEarned}, {@link PointsEarned},
 * {@link PointsRedeemed}, {@link ReferralStarted}, {@link ReferralCompleted} and, for topics influence4j does
 * not know, {@link UnknownWebhook}.
 *
 * @param <T> the payload type
 * @param topicName the topic as Influence.io sent it, for example {@code points/redeemed}
 * @param webhookId the delivery's {@code X-Webhook-Id}
 * @param payload the typed view of the body
 * @param raw the whole body, unknown fields included (such as the redeem rule's {@code status} of redeemed points)
 * @param receivedAt when influence4j received it
 * @param attempt 1 for the first time listeners see it, more when an earlier handling failed
 */
public record InfluenceWebhookEvent<T extends WebhookPayload>(String topicName, String webhookId, T payload, JsonNode raw, Instant receivedAt,
		int attempt) implements ResolvableTypeProvider {

	/**
	 * The topic, when influence4j knows it.
	 * @return the topic, or empty for an {@link UnknownWebhook}
	 */
	public Optional<WebhookTopic> topic() {
		return WebhookTopic.fromWireName(this.topicName);
	}

	@Override
	public @Nullable ResolvableType getResolvableType() {
		return ResolvableType.forClassWithGenerics(InfluenceWebhookEvent.class, this.payload.getClass());
	}

	@Override
	public String toString() {
		return "InfluenceWebhookEvent[topic=" + this.topicName + ", webhookId=" + this.webhookId + ", attempt="
				+ this.attempt + "]";
	}

}
