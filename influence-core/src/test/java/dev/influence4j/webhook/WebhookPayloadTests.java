package dev.influence4j.webhook;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every topic's realistic body is read into its record, and the reward code to create is found where the
 * topic puts it.
 */
class WebhookPayloadTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static WebhookPayload parse(WebhookTopic topic) {
		return topic.parse(JSON.readTree(WebhookSamples.body(topic)));
	}

	@Test
	void readsCustomersUpdatedWhoseBodyIsTheCustomer() {
		CustomerUpdated updated = (CustomerUpdated) parse(WebhookTopic.CUSTOMERS_UPDATED);

		assertThat(updated.customer().externalId()).isEqualTo("42");
		assertThat(updated.customer().pointBalance()).isEqualByComparingTo("620");
		assertThat(updated.customer().currentLoyaltyTier()).isEqualTo(new WebhookTier("tier-silver", "Silver", null));
		assertThat(updated.rewardCode("w1", false)).isEmpty();
	}

	@Test
	void readsTierChanges() {
		TierChanged changed = (TierChanged) parse(WebhookTopic.CUSTOMERS_TIER_CHANGED);

		assertThat(changed.oldTier()).isEqualTo(new WebhookTier("tier-silver", "Silver", "200"));
		assertThat(changed.newTier().title()).isEqualTo("Gold");
	}

	@Test
	void findsTheTierEntryRewardCodeInsideTheReward() {
		TierEntryRewardEarned earned = (TierEntryRewardEarned) parse(WebhookTopic.CUSTOMERS_TIER_ENTRY_REWARD_EARNED);

		assertThat(earned.rewardCode("w1", false)).hasValueSatisfying((code) -> {
			assertThat(code.couponCode()).isEqualTo("TIER-GOLD-9QX2");
			assertThat(code.source()).isEqualTo(RewardCodeSource.TIER_ENTRY);
			assertThat(code.customerExternalId()).isEqualTo("42");
			assertThat(code.discountValue()).isEqualByComparingTo("10");
		});
	}

	@Test
	void findsATierEntryRewardCodeAtTheTopLevelToo() {
		JsonNode body = JSON.readTree("{\"customer\":{\"externalId\":\"42\"},\"couponCode\":\"TIER-1\"}");

		TierEntryRewardEarned earned = (TierEntryRewardEarned) WebhookTopic.CUSTOMERS_TIER_ENTRY_REWARD_EARNED.parse(body);

		assertThat(earned.couponCode()).isEqualTo("TIER-1");
	}

	@Test
	void readsPointsEarned() {
		PointsEarned earned = (PointsEarned) parse(WebhookTopic.POINTS_EARNED);

		assertThat(earned.points()).isEqualTo(50);
		assertThat(earned.action()).isEqualTo("Placed order 1001");
		assertThat(earned.rewardCode("w1", false)).isEmpty();
	}

	@Test
	void readsPointsRedeemedWithItsRedeemRuleAndAsksForTheCode() {
		PointsRedeemed redeemed = (PointsRedeemed) parse(WebhookTopic.POINTS_REDEEMED);

		assertThat(redeemed.couponCode()).isEqualTo("INF-7K2M9Q4ZXA");
		assertThat(redeemed.redeemRule().minSpendAmount()).isEqualByComparingTo("20");
		assertThat(redeemed.rewardCode("w-18", true)).hasValueSatisfying((code) -> {
			assertThat(code.couponCode()).isEqualTo("INF-7K2M9Q4ZXA");
			assertThat(code.source()).isEqualTo(RewardCodeSource.POINTS_REDEEMED);
			assertThat(code.rewardType()).isEqualTo("fixedamountdiscount");
			assertThat(code.discountValue()).isEqualByComparingTo(new BigDecimal("5"));
			assertThat(code.pointsSpent()).isEqualTo(500);
			assertThat(code.customerEmail()).isEqualTo("jane@example.com");
			assertThat(code.webhookId()).isEqualTo("w-18");
			assertThat(code.retry()).isTrue();
			assertThat(code.toString()).doesNotContain("INF-7K2M9Q4ZXA");
		});
	}

	@Test
	void aReferralStartedAsksForTheFriendsCode() {
		ReferralStarted started = (ReferralStarted) parse(WebhookTopic.REFERRALS_STARTED);

		assertThat(started.rewardCode("w1", false)).hasValueSatisfying((code) -> {
			assertThat(code.couponCode()).isEqualTo("FRIEND-3KD9");
			assertThat(code.source()).isEqualTo(RewardCodeSource.REFERRAL_FRIEND);
			assertThat(code.customerEmail()).isEqualTo("sam@example.com");
			assertThat(code.customerExternalId()).isNull();
			assertThat(code.discountType()).isEqualTo("percentage");
		});
	}

	@Test
	void aReferralCompletedAsksForTheReferrersCode() {
		ReferralCompleted completed = (ReferralCompleted) parse(WebhookTopic.REFERRALS_COMPLETED);

		assertThat(completed.rewardCode("w1", false)).hasValueSatisfying((code) -> {
			assertThat(code.couponCode()).isEqualTo("REFER-8HJ2");
			assertThat(code.source()).isEqualTo(RewardCodeSource.REFERRAL_REFERRER);
			assertThat(code.customerExternalId()).isEqualTo("42");
		});
	}

	@Test
	void aReferrerRewardedWithPointsHasNoCodeToCreate() {
		JsonNode body = JSON.readTree("{\"customer\":{\"externalId\":\"42\"},\"customerReward\":{\"couponCode\":null}}");

		assertThat(WebhookTopic.REFERRALS_COMPLETED.parse(body).rewardCode("w1", false)).isEmpty();
	}

	@Test
	void namesWhatAWrongShapeLacks() {
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookTopic.POINTS_REDEEMED.parse(JSON.readTree("{\"customer\":{},\"points\":5}")))
			.withMessage("'couponCode' is required");
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookTopic.POINTS_EARNED.parse(JSON.readTree("{\"customer\":\"42\"}")))
			.withMessage("'customer' must be an object");
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookTopic.POINTS_EARNED.parse(JSON.readTree("{\"customer\":{},\"points\":\"many\"}")))
			.withMessage("'points' must be a number");
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookTopic.CUSTOMERS_UPDATED.parse(JSON.readTree("{\"name\":\"x\"}")))
			.withMessageContaining("id, externalId or email");
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> WebhookTopic.POINTS_REDEEMED.parse(JSON.readTree("[1,2]")))
			.withMessage("body must be a JSON object");
	}

}
