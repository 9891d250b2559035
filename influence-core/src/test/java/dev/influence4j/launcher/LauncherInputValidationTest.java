package dev.influence4j.launcher;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.influence4j.launcher.LauncherFixture.JANE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad input fails before anything is sent, with a message that names the part that was wrong.
 */
class LauncherInputValidationTest {

	@RegisterExtension
	static WireMockExtension wireMock = LauncherFixture.wireMock();

	private final LauncherClient launcher = LauncherFixture.client(wireMock);

	@AfterEach
	void nothingWasSent() {
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void rejectsAMissingCustomerIdentity() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(null))
			.withMessageContaining("customer identity");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(null).redeem("r-1", null, null))
			.withMessageContaining("customer identity");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.launcher.customer(null).streamAllRewards(RewardFilter.all()))
			.withMessageContaining("customer identity");
	}

	@Test
	void rejectsAMissingRewardFilter() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).countRewards(null))
			.withMessageContaining("reward filter");
	}

	@Test
	void rejectsBlankRuleIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).redeem(" ", null, null))
			.withMessageContaining("redeem rule id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).actionLandingPage(""))
			.withMessageContaining("earn rule id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).actionSocial(null))
			.withMessageContaining("earn rule id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).stamps("  "))
			.withMessageContaining("stamp rule id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.shop().earnRuleProductExclusions(""))
			.withMessageContaining("earn rule id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.shop().earnRuleVariantExclusions(" "))
			.withMessageContaining("earn rule id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.shop().tier(""))
			.withMessageContaining("tier id");
	}

	@Test
	void rejectsBirthdaysOutsideTheCalendar() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).updateBirthday(0, 5))
			.withMessageContaining("birthday day");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).updateBirthday(32, 5))
			.withMessageContaining("birthday day");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).updateBirthday(10, 0))
			.withMessageContaining("birthday month");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).updateBirthday(10, 13))
			.withMessageContaining("birthday month");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).updateBirthday(31, 4))
			.withMessageContaining("birthday day 31 does not exist in month 4");
	}

	@Test
	void rejectsNegativePointsAndABlankRedemptionSource() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).redeem("r-1", -1L, null))
			.withMessageContaining("points to redeem");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).redeem("r-1", 10L, " "))
			.withMessageContaining("redemption source");
	}

	@Test
	void rejectsBlankUploadParts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.launcher.customer(JANE).uploadFile("", "a.jpg", "image/jpeg"))
			.withMessageContaining("earn rule id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.launcher.customer(JANE).uploadFile("e-1", " ", "image/jpeg"))
			.withMessageContaining("file name");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).uploadFile("e-1", "a.jpg", ""))
			.withMessageContaining("MIME type");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.customer(JANE).uploadFile("e-1", "a.jpg", "jpeg"))
			.withMessageContaining("MIME type");
	}

	@Test
	void rejectsABlankLoyaltyCardLookupKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.shop().loyaltyCardLookup(" "))
			.withMessageContaining("lookup key");
		assertThatIllegalArgumentException().isThrownBy(() -> this.launcher.shop().loyaltyCardLookup(null))
			.withMessageContaining("lookup key");
	}

}
