package dev.influence4j.sample.cart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.sample.CommittedEvents;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.TestProducts;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@StoreTest
class CartTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogue catalogue;

	@Autowired
	CommittedEvents committed;

	Product mug;

	@BeforeEach
	void product() {
		this.mug = TestProducts.onSale(this.catalogue, "Cart mug", "12.50");
		this.committed.clear();
	}

	@Test
	void addingAProductShowsItInTheCart() throws Exception {
		Shopper visitor = Shopper.anonymous(this.mvc);

		visitor.addToCart(this.mug.id(), 3);

		visitor.open("/cart")
			.andExpect(content().string(containsString(this.mug.title())))
			.andExpect(content().string(containsString("€37.50")))
			.andExpect(content().string(containsString("id=\"cart-size\">3<")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "100", "two", "" })
	void wrongQuantityOnTheProductPageIsRefusedWithAMessage(String quantity) throws Exception {
		Shopper visitor = Shopper.anonymous(this.mvc);

		visitor.submit("/cart/add", "productId", Long.toString(this.mug.id()), "quantity", quantity)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please enter a quantity from 1 to 99.")))
			.andExpect(content().string(containsString(this.mug.title())));

		visitor.open("/cart").andExpect(content().string(containsString("Your cart is empty.")));
		assertThat(this.committed.all()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-3" })
	void zeroOrNegativeQuantityInTheCartIsRefusedAndTheLineKept(String quantity) throws Exception {
		Shopper visitor = Shopper.anonymous(this.mvc);
		visitor.addToCart(this.mug.id(), 2);

		visitor.submit("/cart/update", "productId", Long.toString(this.mug.id()), "quantity", quantity)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please enter a quantity from 1 to 99.")));

		visitor.open("/cart").andExpect(content().string(containsString("id=\"cart-size\">2<")));
	}

	@Test
	void removingALineEmptiesTheCart() throws Exception {
		Shopper visitor = Shopper.anonymous(this.mvc);
		visitor.addToCart(this.mug.id(), 1);

		visitor.submit("/cart/remove", "productId", Long.toString(this.mug.id()));

		visitor.open("/cart")
			.andExpect(content().string(containsString("Your cart is empty.")))
			.andExpect(content().string(not(containsString(this.mug.title()))));
	}

	@Test
	void cartSurvivesLoggingIn() throws Exception {
		String[] account = Shopper.newAccount(this.mvc);
		Shopper visitor = Shopper.anonymous(this.mvc);
		visitor.addToCart(this.mug.id(), 1);

		Shopper shopper = visitor.logInAs(account[0], account[1]);

		shopper.open("/checkout").andExpect(content().string(containsString(this.mug.title())));
	}

}
