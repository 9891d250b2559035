package dev.influence4j.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.launcher.DigestMismatchException;
import dev.influence4j.launcher.LauncherClient;
import dev.influence4j.launcher.LauncherCustomer;
import dev.influence4j.launcher.PointActivity;
import dev.influence4j.launcher.Redemption;
import dev.influence4j.launcher.RedeemRule;
import dev.influence4j.launcher.Shop;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.PlatformClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * influence4j's real {@link LauncherClient} against the sandbox, which checks digests on its own: the
 * client's digest, lowercased email and wire names agree with what the sandbox expects.
 */
@InfluenceSandboxTest
class LauncherClientAgainstSandboxTests {

	private final InfluenceSandbox sandbox;

	private final LauncherClient launcher;

	LauncherClientAgainstSandboxTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.launcher = LauncherClient.builder()
			.apiKey(sandbox.apiKey())
			.shopKey(sandbox.shopKey())
			.baseUrl(sandbox.launcherBaseUrl())
			.build();
	}

	@Test
	void readsTheCustomerItsDigestAuthenticates() {
		this.sandbox.addCustomer("42", "jane+loyalty@example.com", 620);

		LauncherCustomer customer = this.launcher.customer(new CustomerIdentity("42", "Jane+Loyalty@Example.com"))
			.profile();

		assertThat(customer.pointBalance()).isEqualTo(620);
		assertThat(customer.email()).isEqualTo("jane+loyalty@example.com");
	}

	@Test
	void aCustomerSavedWithCapitalsIsFoundByTheLauncherWithTheDigestOfTheLowercasedEmail() {
		PlatformClient platform = PlatformClient.builder()
			.apiKey(this.sandbox.apiKey())
			.baseUrl(this.sandbox.platformBaseUrl())
			.build();
		CustomerIdentity jane = new CustomerIdentity("42", "Jane.Doe@Example.COM");

		platform.customers().upsert(InfluenceCustomer.of(jane.id(), jane.email()).withName("Jane", "Doe"));
		LauncherCustomer found = this.launcher.customer(jane).profile();

		assertThat(this.sandbox.journal().requestsFor("platform.customers.upsert")).singleElement()
			.satisfies((upsert) -> assertThat(upsert.body().path("email").asString()).isEqualTo("jane.doe@example.com"));
		assertThat(this.sandbox.journal().requestsFor("launcher.customer.get")).singleElement().satisfies((lookup) -> {
			assertThat(lookup.status()).isEqualTo(200);
			assertThat(lookup.query()).containsEntry("customer_email", "jane.doe@example.com")
				.containsEntry("digest", this.sandbox.digest("jane.doe@example.com", "42"));
		});
		assertThat(found.shopifyCustomerId()).isEqualTo("42");
		assertThat(found.email()).isEqualTo("jane.doe@example.com");
		assertThat(found.name()).isEqualTo("Jane Doe");
	}

	@Test
	void aDigestMadeWithAnotherKeyIsADigestMismatch() {
		this.sandbox.addCustomer("42", "jane@example.com", 10);
		LauncherClient wrongKey = LauncherClient.builder()
			.apiKey("not-the-key")
			.shopKey(this.sandbox.shopKey())
			.baseUrl(this.sandbox.launcherBaseUrl())
			.build();

		assertThatExceptionOfType(DigestMismatchException.class)
			.isThrownBy(() -> wrongKey.customer(new CustomerIdentity("42", "jane@example.com")).profile())
			.withMessageNotContaining("not-the-key");
	}

	@Test
	void redeemsARuleForACodeAndShowsItInTheHistory() {
		this.sandbox.addCustomer("42", "jane@example.com", 1200);
		CustomerIdentity jane = new CustomerIdentity("42", "jane@example.com");
		List<RedeemRule> rules = this.launcher.shop().redeemRules(null);
		RedeemRule cheapest = rules.stream().min((a, b) -> Long.compare(a.pointCost(), b.pointCost())).orElseThrow();

		Redemption redemption = this.launcher.customer(jane).redeem(cheapest.id(), null, "test");

		assertThat(redemption.success()).isTrue();
		assertThat(redemption.couponCode()).isNotBlank();
		assertThat(this.sandbox.issuedRewards()).extracting(IssuedReward::couponCode).containsExactly(redemption.couponCode());
		assertThat(this.launcher.customer(jane).profile().pointBalance()).isEqualTo(1200 - cheapest.pointCost());
		List<PointActivity> history = this.launcher.customer(jane).streamPointsActivity().toList();
		assertThat(history).anySatisfy((activity) -> assertThat(activity.couponCode()).isEqualTo(redemption.couponCode()));
	}

	@Test
	void readsTheShop() {
		Shop shop = this.launcher.shop().get();

		assertThat(shop.shopKey()).isEqualTo(this.sandbox.shopKey());
	}

}
