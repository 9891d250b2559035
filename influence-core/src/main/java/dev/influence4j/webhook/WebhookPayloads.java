package dev.influence4j.webhook;

import java.math.BigDecimal;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.influence4j.json.InfluenceJson;

/**
 * Reads webhook bodies into their topic's record, leniently (unknown fields are ignored here and kept in
 * the raw JSON), and finds the reward code a delivery asks the shop to create.
 * <p>
 * What each topic requires: a {@code customer} object (for {@code customers/updated} the body itself is
 * the customer), and for {@code points/redeemed} a {@code couponCode}. Everything else is optional because
 * Influence.io's bodies are only partly documented.
 */
public final class WebhookPayloads {

	private static final JsonMapper JSON = InfluenceJson.mapper();

	private WebhookPayloads() {
	}

	/**
	 * Read a body into its topic's record.
	 * @param topic the topic
	 * @param body the body, a JSON object
	 * @return the typed payload
	 * @throws InvalidWebhookException when a required part is missing or malformed
	 */
	public static Object parse(WebhookTopic topic, JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidWebhookException("body must be a JSON object");
		}
		return switch (topic) {
			case CUSTOMERS_UPDATED -> new CustomerUpdated(customerItself(body));
			case CUSTOMERS_TIER_CHANGED -> new TierChanged(customer(body, "customer"), tier(body, "oldTier"),
					tier(body, "newTier"));
			case CUSTOMERS_TIER_ENTRY_REWARD_EARNED -> tierEntryReward(body);
			case POINTS_EARNED -> new PointsEarned(text(body, "id"), customer(body, "customer"), text(body, "action"),
					points(body), text(body, "type"), text(body, "ruleId"));
			case POINTS_REDEEMED -> new PointsRedeemed(text(body, "id"), customer(body, "customer"), text(body, "action"),
					points(body), text(body, "type"), text(body, "ruleId"), requiredText(body, "couponCode"),
					text(body, "rewardType"), optional(body, "redeemRule", RedeemRuleDetails.class));
			case REFERRALS_STARTED -> new ReferralStarted(text(body, "id"), customer(body, "customer"),
					optional(body, "friendCustomer", WebhookCustomer.class), text(body, "friendEmail"),
					optional(body, "customerReward", ReferralReward.class),
					optional(body, "friendReward", ReferralReward.class));
			case REFERRALS_COMPLETED -> new ReferralCompleted(text(body, "id"), customer(body, "customer"),
					optional(body, "friendCustomer", WebhookCustomer.class), text(body, "friendEmail"),
					optional(body, "customerReward", ReferralReward.class),
					optional(body, "friendReward", ReferralReward.class));
		};
	}

	/**
	 * The code a delivery asks the shop to create, if any.
	 * @param payload a payload from {@link #parse}
	 * @param webhookId the delivery's id
	 * @param retry whether the shop was asked before for this delivery
	 * @return the code, or empty when the delivery carries none to create
	 */
	public static Optional<RewardCode> rewardCode(Object payload, String webhookId, boolean retry) {
		if (payload instanceof PointsRedeemed redeemed) {
			RedeemRuleDetails rule = redeemed.redeemRule();
			return Optional.of(new RewardCode(redeemed.couponCode(), RewardCodeSource.POINTS_REDEEMED, webhookId,
					redeemed.customer().externalId(), redeemed.customer().email(), redeemed.rewardType(), null,
					(rule != null) ? rule.discountValue() : null, redeemed.points(), rule, retry));
		}
		if (payload instanceof ReferralStarted started) {
			WebhookCustomer friend = started.friendCustomer();
			return referral(started.friendReward(), RewardCodeSource.REFERRAL_FRIEND, webhookId,
					(friend != null) ? friend.externalId() : null,
					(friend != null && friend.email() != null) ? friend.email() : started.friendEmail(), retry);
		}
		if (payload instanceof ReferralCompleted completed) {
			return referral(completed.customerReward(), RewardCodeSource.REFERRAL_REFERRER, webhookId,
					completed.customer().externalId(), completed.customer().email(), retry);
		}
		if (payload instanceof TierEntryRewardEarned entry && entry.couponCode() != null) {
			return Optional.of(new RewardCode(entry.couponCode(), RewardCodeSource.TIER_ENTRY, webhookId,
					entry.customer().externalId(), entry.customer().email(), entry.rewardType(), entry.discountType(),
					entry.discountAmount(), null, null, retry));
		}
		return Optional.empty();
	}

	private static Optional<RewardCode> referral(@Nullable ReferralReward reward, RewardCodeSource source,
			String webhookId, @Nullable String externalId, @Nullable String email, boolean retry) {
		if (reward == null || reward.couponCode() == null || reward.couponCode().isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new RewardCode(reward.couponCode(), source, webhookId, externalId, email, null,
				reward.discountType(), reward.discountAmount(), null, null, retry));
	}

	private static TierEntryRewardEarned tierEntryReward(JsonNode body) {
		JsonNode reward = body.path("reward");
		String couponCode = text(body, "couponCode");
		if (couponCode == null && reward.isObject()) {
			couponCode = text(reward, "couponCode");
		}
		JsonNode details = reward.isObject() ? reward : body;
		WebhookTier tier = tier(body, "tier");
		if (tier == null) {
			tier = tier(body, "loyaltyTier");
		}
		return new TierEntryRewardEarned(text(body, "id"), customer(body, "customer"), tier, couponCode,
				text(details, "rewardType"), text(details, "discountType"), decimal(details, "discountAmount"));
	}

	private static WebhookCustomer customerItself(JsonNode body) {
		if (text(body, "id") == null && text(body, "externalId") == null && text(body, "email") == null) {
			throw new InvalidWebhookException("customers/updated needs a customer with an id, externalId or email");
		}
		return read(body, WebhookCustomer.class, "customer");
	}

	private static WebhookCustomer customer(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (!value.isObject()) {
			throw new InvalidWebhookException("'" + field + "' must be an object");
		}
		return read(value, WebhookCustomer.class, field);
	}

	private static @Nullable WebhookTier tier(JsonNode body, String field) {
		return optional(body, field, WebhookTier.class);
	}

	private static <T> @Nullable T optional(JsonNode body, String field, Class<T> type) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw new InvalidWebhookException("'" + field + "' must be an object");
		}
		return read(value, type, field);
	}

	private static <T> T read(JsonNode node, Class<T> type, String field) {
		try {
			return JSON.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw new InvalidWebhookException("'" + field + "' could not be read as " + type.getSimpleName());
		}
	}

	private static long points(JsonNode body) {
		JsonNode value = body.path("points");
		if (value.isMissingNode() || value.isNull()) {
			return 0;
		}
		if (!value.isNumber() && !(value.isString() && value.asString().matches("-?\\d{1,18}"))) {
			throw new InvalidWebhookException("'points' must be a number");
		}
		return value.asLong();
	}

	private static String requiredText(JsonNode body, String field) {
		String value = text(body, field);
		if (value == null || value.isBlank()) {
			throw new InvalidWebhookException("'" + field + "' is required");
		}
		return value;
	}

	private static @Nullable String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isString()) {
			return value.asString();
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		throw new InvalidWebhookException("'" + field + "' must be text");
	}

	private static @Nullable BigDecimal decimal(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidWebhookException("'" + field + "' must be a number");
			}
		}
		return null;
	}

}
