package dev.influence4j.test;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension registered with its own settings.
 */
class RegisteredExtensionTests {

	@RegisterExtension
	static final InfluenceSandboxExtension influence = new InfluenceSandboxExtension(InfluenceSandbox.builder()
		.apiKey("custom-key")
		.shopKey("custom-shop")
		.pointsPerCurrencyUnit(new BigDecimal("3"))
		.redeemRules(SandboxRedeemRule.freeShipping("free-shipping", 300)));

	@Test
	void customSettingsApply(InfluenceSandbox sandbox) {
		sandbox.addCustomer("c-1", "jane@example.com", 0);

		new RawHttp(sandbox).platform("POST", "/v1/orders", RawHttp.order("1", "c-1", "paid", "10.99"));

		assertThat(sandbox).isSameAs(influence.sandbox());
		assertThat(sandbox.apiKey()).isEqualTo("custom-key");
		assertThat(sandbox.customer("c-1").orElseThrow().pointBalance()).isEqualTo(32);
		assertThat(sandbox.redeemRules()).extracting(SandboxRedeemRule::id).containsExactly("free-shipping");
	}

	@Test
	void sandboxIsAvailableOutsideTestMethods() {
		assertThat(influence.sandbox().isRunning()).isTrue();
		assertThat(influence.sandbox().platformBaseUrl()).startsWith("http://127.0.0.1:");
		assertThat(influence.sandbox().launcherBaseUrl()).endsWith("/launcher");
	}

}
