package dev.influence4j.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad input fails before anything is sent, with a message naming what was wrong.
 */
class PlatformInputValidationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final PlatformClient client = PlatformFixtures.client(server);

	@AfterEach
	void nothingWasSent() {
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void rejectsBlankOrNullIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.customers().get(" "))
			.withMessage("customer id must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.orders().get(null))
			.withMessage("order id is required but was null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.rewards().markUsed(""))
			.withMessage("coupon code must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.products().delete(" "))
			.withMessage("product id must not be blank");
	}

	@Test
	void rejectsCustomersWithoutAUsableEmail() {
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceCustomer.of("42", " "))
			.withMessage("customer email must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceCustomer.of("42", "jane.example.com"))
			.withMessage("customer email must contain '@'");
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceCustomer.of("42", "j@x.com").withBirthday(13, 1))
			.withMessageContaining("birthday month");
	}

	@Test
	void rejectsNegativeOrZeroPoints() {
		assertThatIllegalArgumentException().isThrownBy(() -> PointsAward.of(-5, "Bonus"))
			.withMessage("points must be greater than zero but was -5");
		assertThatIllegalArgumentException().isThrownBy(() -> new PointsDeduction(0, "Correction"))
			.withMessage("points must be greater than zero but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new PointsAward(null, "x", null, null))
			.withMessageContaining("number of points or an earn rule id");
	}

	@Test
	void rejectsAmountsThatAreNotPlainDecimals() {
		for (String amount : List.of("12,50", "1e3", "-4.00", "abc", "12.34567", " 12.00")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> InfluenceOrder.builder("1").totalPrice(amount))
				.withMessageContaining("order total price must be a plain decimal");
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InfluenceOrderLine("p", null, "Mug", 1, new BigDecimal("-1")))
			.withMessage("order line price must not be negative but was -1");
	}

	@Test
	void namesTheFirstMissingPartOfAnOrder() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InfluenceOrder.builder("1001").email("j@x.com").totalPrice("1.00").currency("EUR").createdAt(Instant.now()).build())
			.withMessage("order financial status is required but was null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformFixtures.order(FinancialStatus.PAID).withFinancialStatus(null))
			.withMessage("order financial status is required but was null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InfluenceOrder.builder("1001").financialStatus(FinancialStatus.PAID).email("j@x.com")
				.totalPrice("1.00").currency("EURO").createdAt(Instant.now()).build())
			.withMessageContaining("three-letter ISO 4217 code");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InfluenceOrderLine.of("p-1", "Mug", 0, "1.00"))
			.withMessage("order line quantity must be greater than zero but was 0");
	}

	@Test
	void rejectsEmptyProductListsForCollections() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.collections().addProducts("c-1", List.of()))
			.withMessage("product ids must not be empty");
	}

}
