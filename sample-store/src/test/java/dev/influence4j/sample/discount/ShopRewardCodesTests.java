package dev.influence4j.sample.discount;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.influence4j.sample.StoreTest;
import dev.influence4j.webhook.RedeemRuleDetails;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.RewardCodeSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@StoreTest
class ShopRewardCodesTests {

	@Autowired
	ShopRewardCodes issuer;

	@Autowired
	DiscountCodeRepository codes;

	@Test
	void issuingTheSameCodeAgainChangesNothing() {
		String code = newCode();
		this.issuer.issue(redeemed(code, "fixedamountdiscount", "5.00", null));
		DiscountCode first = this.codes.find(code).orElseThrow();

		this.issuer.issue(new RewardCode(code, RewardCodeSource.POINTS_REDEEMED, "webhook-again", "42",
				"jane@example.com", "percentageoff", null, new BigDecimal("50"), 500L, null, true));
		this.issuer.issue(redeemed(code.toLowerCase(), "fixedamountdiscount", "9.00", null));

		assertThat(this.codes.find(code)).contains(first);
		assertThat(this.codes.findAll()).filteredOn((stored) -> stored.code().equalsIgnoreCase(code)).hasSize(1);
	}

	@Test
	void fixedAmountRedemptionBecomesAnAmountOffFromInfluence() {
		String code = newCode();

		this.issuer.issue(redeemed(code, "fixedamountdiscount", "5.00", null));

		DiscountCode stored = this.codes.find(code).orElseThrow();
		assertThat(stored.kind()).isEqualTo(DiscountKind.FIXED_AMOUNT);
		assertThat(stored.amount()).isEqualByComparingTo("5.00");
		assertThat(stored.minSpend()).isEqualByComparingTo("0");
		assertThat(stored.source()).isEqualTo(DiscountSource.INFLUENCE);
		assertThat(stored.used()).isFalse();
	}

	@Test
	void percentageTakesItsValueAndMinimumSpendFromTheRedeemRule() {
		String code = newCode();
		RedeemRuleDetails rule = new RedeemRuleDetails("rule-10", "10% off", null, new BigDecimal("1000"),
				new BigDecimal("10"), "percentageDiscount", "fixed", new BigDecimal("30.00"), null);

		this.issuer.issue(new RewardCode(code, RewardCodeSource.POINTS_REDEEMED, "webhook-3", "42", null,
				"percentageoff", null, null, 1000L, rule, false));

		DiscountCode stored = this.codes.find(code).orElseThrow();
		assertThat(stored.kind()).isEqualTo(DiscountKind.PERCENTAGE);
		assertThat(stored.amount()).isEqualByComparingTo("10");
		assertThat(stored.minSpend()).isEqualByComparingTo("30.00");
	}

	@Test
	void referralFreeShippingNeedsNoValue() {
		String code = newCode();

		this.issuer.issue(new RewardCode(code, RewardCodeSource.REFERRAL_FRIEND, "webhook-4", null,
				"friend@example.com", null, "free_shipping", null, null, null, false));

		assertThat(this.codes.find(code).orElseThrow().kind()).isEqualTo(DiscountKind.FREE_SHIPPING);
	}

	@Test
	void rewardsTheShopCannotGiveAreRefusedSoTheyAreRetriedLater() {
		String giftCard = newCode();
		String noValue = newCode();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.issuer.issue(redeemed(giftCard, "giftcard", "20", null)))
			.withMessageContaining("giftcard");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.issuer.issue(redeemed(noValue, "fixedamountdiscount", null, null)))
			.withMessageContaining("no positive discount value");
		assertThat(this.codes.find(giftCard)).isEmpty();
		assertThat(this.codes.find(noValue)).isEmpty();
	}

	private static RewardCode redeemed(String code, String rewardType, String value, RedeemRuleDetails rule) {
		return new RewardCode(code, RewardCodeSource.POINTS_REDEEMED, "webhook-" + code, "42", "jane@example.com",
				rewardType, null, (value != null) ? new BigDecimal(value) : null, 500L, rule, false);
	}

	private static String newCode() {
		return "INF-" + Long.toString(System.nanoTime(), 36).toUpperCase();
	}

}
