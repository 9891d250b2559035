package dev.influence4j.launcher;

import java.math.BigDecimal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.influence4j.http.CursorPage;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.influence4j.launcher.LauncherFixture.JANE;
import static dev.influence4j.launcher.LauncherFixture.JANE_EMAIL;
import static dev.influence4j.launcher.LauncherFixture.PREFIX;
import static dev.influence4j.launcher.LauncherFixture.SHOP_KEY;
import static dev.influence4j.launcher.LauncherFixture.customerBody;
import static dev.influence4j.launcher.LauncherFixture.customerGet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per customer endpoint of the Launcher API: what is sent, and how the answer is read.
 */
class LauncherCustomerEndpointsTest {

	@RegisterExtension
	static WireMockExtension wireMock = LauncherFixture.wireMock();

	private final LauncherClient launcher = LauncherFixture.client(wireMock);

	@Test
	void readsTheCustomerProfile() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer")).willReturn(okJson("""
				{"id":"07d32094-bd8c-4a17-a376-b96525714e45","email":"jane.doe@example.com","firstName":"Jane",
				 "lastName":"Doe","name":"Jane Doe","customerType":"Member","referralLink":"ubRcwR2jW",
				 "referralsCompleted":2,"shopifyCustomerId":"ext-42","pointBalance":1250,"shareFacebook":true,
				 "shareTwitter":false,"likeFacebook":false,"followTwitter":false,"followTikTok":true,
				 "followInstagram":false,"birthdayMonth":7,"birthdayDay":14,
				 "createdAt":"2024-11-11T16:17:01.631Z","updatedAt":"2024-11-12T09:00:00.000Z",
				 "currentLoyaltyTierProgress":201.5,"currentLoyaltyTierId":"tier-silver","lifetimeStampsEarned":9,
				 "currentMembershipId":"m-1",
				 "currentMembership":{"id":"m-1","title":"Wholesale","iconType":"default","defaultIcon":"star",
				   "excludeFromMemberships":false,"excludeFromReferrals":true,"perks":["Free delivery"]},
				 "averageOrderValue":0,"__typename":"Customer"}
				""")));

		LauncherCustomer customer = this.launcher.customer(JANE).profile();

		wireMock.verify(1, customerGet("/v1/customer", JANE));
		assertThat(customer.id()).isEqualTo("07d32094-bd8c-4a17-a376-b96525714e45");
		assertThat(customer.email()).isEqualTo(JANE_EMAIL);
		assertThat(customer.name()).isEqualTo("Jane Doe");
		assertThat(customer.customerType()).isEqualTo("Member");
		assertThat(customer.referralLink()).isEqualTo("ubRcwR2jW");
		assertThat(customer.referralsCompleted()).isEqualTo(2);
		assertThat(customer.shopifyCustomerId()).isEqualTo("ext-42");
		assertThat(customer.pointBalance()).isEqualTo(1250);
		assertThat(customer.shareFacebook()).isTrue();
		assertThat(customer.followTikTok()).isTrue();
		assertThat(customer.followTwitter()).isFalse();
		assertThat(customer.birthdayMonth()).isEqualTo(7);
		assertThat(customer.birthdayDay()).isEqualTo(14);
		assertThat(customer.createdAt()).isEqualTo("2024-11-11T16:17:01.631Z");
		assertThat(customer.currentLoyaltyTierProgress()).isEqualByComparingTo("201.5");
		assertThat(customer.currentLoyaltyTierId()).isEqualTo("tier-silver");
		assertThat(customer.lifetimeStampsEarned()).isEqualTo(9);
		assertThat(customer.currentMembershipId()).isEqualTo("m-1");
		assertThat(customer.currentMembership()).isNotNull();
		assertThat(customer.currentMembership().title()).isEqualTo("Wholesale");
		assertThat(customer.currentMembership().excludeFromReferrals()).isTrue();
		assertThat(customer.currentMembership().perks()).containsExactly("Free delivery");
	}

	@Test
	void readsOnePageOfActiveRewardsWithBothFilters() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/all-rewards")).willReturn(okJson("""
				{"items":[{"id":"r-1","customerId":"07d32094","couponCode":"26AE98412711","title":"$5 off",
				           "pointsSpent":500,"type":"PointActivity","createdAt":"2025-01-02T10:00:00Z",
				           "updatedAt":"2025-01-02T10:00:00Z","rewardType":"fixedamountdiscount"},
				          {"id":"r-2","couponCode":"REF-9","type":"SomethingNew","rewardType":"mystery"}],
				 "nextToken":"abc"}
				""")));

		RewardFilter filter = RewardFilter.all()
			.withSource(RewardSource.POINT_ACTIVITY)
			.withRewardType(RewardType.FIXED_AMOUNT_DISCOUNT);

		CursorPage<Reward> page = this.launcher.customer(JANE).allRewards(filter, null);

		wireMock.verify(1, customerGet("/v1/customer/all-rewards", JANE)
			.withQueryParam("type", equalTo("PointActivity"))
			.withQueryParam("reward_type", equalTo("fixedamountdiscount"))
			.withQueryParam("nextToken", absent()));
		assertThat(page.items()).hasSize(2);
		Reward first = page.items().get(0);
		assertThat(first.couponCode()).isEqualTo("26AE98412711");
		assertThat(first.pointsSpent()).isEqualTo(500);
		assertThat(first.title()).isEqualTo("$5 off");
		assertThat(first.knownSource()).contains(RewardSource.POINT_ACTIVITY);
		assertThat(first.knownRewardType()).contains(RewardType.FIXED_AMOUNT_DISCOUNT);
		Reward unknown = page.items().get(1);
		assertThat(unknown.type()).isEqualTo("SomethingNew");
		assertThat(unknown.knownSource()).isEmpty();
		assertThat(unknown.knownRewardType()).isEmpty();
		assertThat(page.nextCursor()).isEqualTo("abc");
		assertThat(page.hasNext()).isTrue();
	}

	@Test
	void countsActiveRewards() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/all-rewards/count")).willReturn(okJson("""
				{"count":3}
				""")));

		long count = this.launcher.customer(JANE).countRewards(RewardFilter.all().withSource(RewardSource.REFERRAL_REWARD));

		wireMock.verify(1, customerGet("/v1/customer/all-rewards/count", JANE)
			.withQueryParam("type", equalTo("ReferralReward"))
			.withQueryParam("reward_type", absent()));
		assertThat(count).isEqualTo(3);
	}

	@Test
	@SuppressWarnings("deprecation")
	void authenticatesWithTheDeprecatedAuthEndpoint() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/auth")).willReturn(okJson("""
				{"id":"07d32094","email":"jane.doe@example.com","pointBalance":80}
				""")));

		LauncherCustomer customer = this.launcher.customer(JANE).authenticate();

		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/auth"))
			.withRequestBody(equalToJson(customerBody(JANE, "")))
			.withoutHeader("x-api-key"));
		assertThat(customer.pointBalance()).isEqualTo(80);
	}

	@Test
	void updatesTheBirthday() {
		wireMock.stubFor(put(urlPathEqualTo(PREFIX + "/v1/customer/birthday")).willReturn(okJson("""
				{"success":true}
				""")));

		boolean success = this.launcher.customer(JANE).updateBirthday(29, 2);

		wireMock.verify(1, putRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/birthday"))
			.withRequestBody(equalToJson(customerBody(JANE, "\"birthdayDay\":29,\"birthdayMonth\":2")))
			.withoutHeader("x-api-key"));
		assertThat(success).isTrue();
	}

	@Test
	void actionsALandingPageEarnRule() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/dynamic-link")).willReturn(okJson("""
				{"success":true,"points":50,"action":"Visited the summer sale page","updatedBalance":1300}
				""")));

		EarnActionResult result = this.launcher.customer(JANE).actionLandingPage("earn-landing-1");

		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/dynamic-link"))
			.withRequestBody(equalToJson(customerBody(JANE, "\"ruleId\":\"earn-landing-1\"")))
			.withoutHeader("x-api-key"));
		assertThat(result).isEqualTo(new EarnActionResult(true, 50, "Visited the summer sale page", 1300, null));
	}

	@Test
	void looksUpALoyaltyCardWithoutADigest() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/loyalty-card-lookup")).willReturn(okJson("""
				{"id":"07d32094","external_id":"ext-42","point_balance":1250}
				""")));

		LoyaltyCardHolder holder = this.launcher.shop().loyaltyCardLookup("LC-0042-XYZ").orElseThrow();

		wireMock.verify(1, getRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/loyalty-card-lookup"))
			.withQueryParam("lookup_key", equalTo("LC-0042-XYZ"))
			.withQueryParam("shop", equalTo(SHOP_KEY))
			.withQueryParam("digest", absent())
			.withQueryParam("customer_email", absent())
			.withoutHeader("x-api-key"));
		assertThat(holder).isEqualTo(new LoyaltyCardHolder("07d32094", "ext-42", 1250));
	}

	@Test
	void readsOnePageOfPointsActivity() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/points")).willReturn(okJson("""
				{"items":[{"shopId":"9d2fc1c8","customerId":"07d32094","action":"Placed an order","points":120,
				           "type":"earn","shopifyPriceRuleId":null,"shopifyDiscountCodeId":null,"couponCode":null,
				           "customerNote":"Thanks!","customDescription":"Order #1001","status":"approved",
				           "createdAt":"2025-01-01T12:00:00Z","updatedAt":"2025-01-01T12:00:00Z",
				           "earnRuleId":"earn-order","redeemRuleId":null,"rewardType":null,"id":"pa-1",
				           "owner":"d1868e96"}],
				 "nextToken":""}
				""")));

		CursorPage<PointActivity> page = this.launcher.customer(JANE).pointsActivity("t-2");

		wireMock.verify(1, customerGet("/v1/customer/points", JANE).withQueryParam("nextToken", equalTo("t-2")));
		assertThat(page.items()).singleElement().satisfies((activity) -> {
			assertThat(activity.id()).isEqualTo("pa-1");
			assertThat(activity.action()).isEqualTo("Placed an order");
			assertThat(activity.points()).isEqualTo(120);
			assertThat(activity.status()).isEqualTo("approved");
			assertThat(activity.earnRuleId()).isEqualTo("earn-order");
			assertThat(activity.customDescription()).isEqualTo("Order #1001");
			assertThat(activity.couponCode()).isNull();
			assertThat(activity.owner()).isEqualTo("d1868e96");
		});
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void redeemsPointsAndReturnsTheCouponCode() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/redeem")).willReturn(okJson("""
				{"success":true,"couponCode":"INF-5OFF-7Q2K"}
				""")));

		Redemption redemption = this.launcher.customer(JANE).redeem("redeem-5off", 500L, "account page");

		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/redeem"))
			.withRequestBody(equalToJson(customerBody(JANE,
					"\"ruleId\":\"redeem-5off\",\"points\":500,\"redemptionSource\":\"account page\"")))
			.withoutHeader("x-api-key"));
		assertThat(redemption).isEqualTo(new Redemption(true, "INF-5OFF-7Q2K"));
	}

	@Test
	void redeemsAFixedRuleWithoutPointsOrSource() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/redeem")).willReturn(okJson("""
				{"success":true,"couponCode":"INF-SHIP"}
				""")));

		this.launcher.customer(JANE).redeem("redeem-ship", null, null);

		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/redeem"))
			.withRequestBody(equalToJson(customerBody(JANE, "\"ruleId\":\"redeem-ship\""))));
	}

	@Test
	void readsOnePageOfReferralsByStatus() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/referrals")).willReturn(okJson("""
				{"items":[{"id":"ref-1","customerId":"07d32094","action":"Referred a friend","points":200,
				           "type":"referral","status":"completed","couponCode":"FRIEND-10"}]}
				""")));

		CursorPage<PointActivity> page = this.launcher.customer(JANE).referrals(ReferralStatus.COMPLETED, null);

		wireMock.verify(1, customerGet("/v1/customer/referrals", JANE).withQueryParam("status", equalTo("completed"))
			.withQueryParam("nextToken", absent()));
		assertThat(page.items()).extracting(PointActivity::couponCode).containsExactly("FRIEND-10");
		assertThat(page.hasNext()).isFalse();
	}

	@Test
	void actionsASocialEarnRule() {
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/social")).willReturn(okJson("""
				{"success":true,"points":25,"action":"Followed us on Instagram","updatedBalance":1275,
				 "socialAction":"followInstagram"}
				""")));

		EarnActionResult result = this.launcher.customer(JANE).actionSocial("earn-instagram");

		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/social"))
			.withRequestBody(equalToJson(customerBody(JANE, "\"ruleId\":\"earn-instagram\"")))
			.withoutHeader("x-api-key"));
		assertThat(result.points()).isEqualTo(25);
		assertThat(result.updatedBalance()).isEqualTo(1275);
		assertThat(result.socialAction()).isEqualTo("followInstagram");
	}

	@Test
	void readsStampsWithTheAuthenticationAsQueryParameters() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/stamps")).willReturn(okJson("""
				{"count":1,"stamps":[{"id":"s-1","createdAt":"2025-02-01T08:00:00Z","updatedAt":"2025-02-03T08:00:00Z",
				  "customerId":"07d32094","stampCardSettingsId":"scs-1","completedAt":null,"stampCount":4}]}
				""")));

		CustomerStamps stamps = this.launcher.customer(JANE).stamps("stamp-rule-1");

		wireMock.verify(1, customerGet("/v1/customer/stamps", JANE).withQueryParam("rule_id", equalTo("stamp-rule-1")));
		assertThat(stamps.count()).isEqualTo(1);
		assertThat(stamps.stamps()).singleElement()
			.isEqualTo(new StampCardStamp("s-1", "2025-02-01T08:00:00Z", "2025-02-03T08:00:00Z", "07d32094", "scs-1",
					null, 4));
	}

	@Test
	void readsAllStampsWhenNoRuleIsGiven() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer/stamps")).willReturn(okJson("""
				{"count":0}
				""")));

		CustomerStamps stamps = this.launcher.customer(JANE).stamps(null);

		wireMock.verify(1, customerGet("/v1/customer/stamps", JANE).withQueryParam("rule_id", absent()));
		assertThat(stamps.stamps()).isEmpty();
	}

	@Test
	void startsAFileUploadAndReturnsThePresignedUrl() {
		String presigned = "https://uploads.example.net/receipt.jpg?X-Amz-Signature=0badc0de";
		wireMock.stubFor(post(urlPathEqualTo(PREFIX + "/v1/customer/upload-file")).willReturn(okJson(
				"{\"success\":true,\"url\":\"" + presigned + "\"}")));

		FileUpload upload = this.launcher.customer(JANE).uploadFile("earn-upload", "receipt.jpg", "image/jpeg");

		wireMock.verify(1, postRequestedFor(urlPathEqualTo(PREFIX + "/v1/customer/upload-file"))
			.withRequestBody(equalToJson(customerBody(JANE,
					"\"earnRuleId\":\"earn-upload\",\"filename\":\"receipt.jpg\",\"mimeType\":\"image/jpeg\"")))
			.withoutHeader("x-api-key"));
		assertThat(upload.success()).isTrue();
		assertThat(upload.url()).isEqualTo(presigned);
		assertThat(upload.toString()).doesNotContain("Signature");
	}

	@Test
	void readsDecimalAmountsAndUnexpectedShapesLeniently() {
		wireMock.stubFor(get(urlPathEqualTo(PREFIX + "/v1/customer")).willReturn(okJson("""
				{"pointBalance":"40","birthdayMonth":null,"currentLoyaltyTierProgress":"12.75","followTwitter":null}
				""")));

		LauncherCustomer customer = this.launcher.customer(JANE).profile();

		assertThat(customer.pointBalance()).isEqualTo(40);
		assertThat(customer.birthdayMonth()).isNull();
		assertThat(customer.currentLoyaltyTierProgress()).isEqualTo(new BigDecimal("12.75"));
		assertThat(customer.followTwitter()).isFalse();
		assertThat(customer.currentMembership()).isNull();
	}

}
