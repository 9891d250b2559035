package dev.influence4j.sample.catalogue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.events.ProductDeletedEvent;
import dev.influence4j.events.ProductSavedEvent;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.platform.ProductStatus;
import dev.influence4j.sample.CommittedEvents;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.TestProducts;
import dev.influence4j.sample.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@StoreTest
class ProductAdminTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CommittedEvents committed;

	@Autowired
	Catalogue catalogue;

	@Autowired
	ProductRepository products;

	Shopper admin;

	@BeforeEach
	void logIn() throws Exception {
		this.admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
		this.committed.clear();
	}

	@Test
	void creatingAProductPublishesIt() throws Exception {
		String title = "Espresso cup " + System.nanoTime();

		this.admin.submit("/admin/products/new", "title", title, "description", "Thick walls.", "price", "8.90",
				"imageUrl", "", "active", "true")
			.andExpect(redirectedUrl("/admin/products"));

		Product created = this.products.findAll().stream().filter((p) -> p.title().equals(title)).findFirst()
			.orElseThrow();
		assertThat(created.price()).isEqualByComparingTo("8.90");
		InfluenceProduct sent = onlySaved();
		assertThat(sent.productId()).isEqualTo(Long.toString(created.id()));
		assertThat(sent.title()).isEqualTo(title);
		assertThat(sent.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(sent.urlHandle()).isEqualTo("/products/" + created.id());
	}

	@Test
	void editingAProductPublishesItsNewState() throws Exception {
		Product product = TestProducts.onSale(this.catalogue, "Kettle", "29.00");
		forgetSetUp();

		this.admin.submit("/admin/products/" + product.id(), "title", "Gooseneck kettle", "description", "",
				"price", "31.50", "imageUrl", "https://example.com/kettle.png", "_active", "on")
			.andExpect(redirectedUrl("/admin/products"));

		Product saved = this.products.findById(product.id()).orElseThrow();
		assertThat(saved.title()).isEqualTo("Gooseneck kettle");
		assertThat(saved.active()).isFalse();
		InfluenceProduct sent = onlySaved();
		assertThat(sent.title()).isEqualTo("Gooseneck kettle");
		assertThat(sent.imageUrl()).isEqualTo("https://example.com/kettle.png");
		assertThat(sent.status()).isEqualTo(ProductStatus.DRAFT);
	}

	@Test
	void blankTitleIsRefusedWithAMessageAndNothingSaved() throws Exception {
		Product product = TestProducts.onSale(this.catalogue, "Scale", "19.00");
		forgetSetUp();

		this.admin.submit("/admin/products/" + product.id(), "title", "   ", "price", "25.00", "active", "true")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please give the product a title.")))
			.andExpect(content().string(containsString("The product was not saved")));

		assertThat(this.products.findById(product.id()).orElseThrow()).isEqualTo(product);
		assertThat(CommittedEvents.influenceEvents(this.events)).isEmpty();
		assertThat(this.committed.all()).isEmpty();
	}

	@Test
	void negativePriceIsRefusedWithAMessageAndNothingCreated() throws Exception {
		String title = "Free lunch " + System.nanoTime();
		int before = this.products.findAll().size();

		this.admin.submit("/admin/products/new", "title", title, "price", "-1.00", "active", "true")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The price must be at least 0.01.")));

		assertThat(this.products.findAll()).hasSize(before);
		assertThat(this.events.stream(ProductSavedEvent.class)).isEmpty();
		assertThat(this.committed.all()).isEmpty();
	}

	@Test
	void deletingAProductPublishesItsId() throws Exception {
		Product product = TestProducts.onSale(this.catalogue, "Old filter", "3.00");
		forgetSetUp();

		this.admin.submit("/admin/products/" + product.id() + "/delete").andExpect(redirectedUrl("/admin/products"));

		assertThat(this.products.findById(product.id())).isEmpty();
		List<ProductDeletedEvent> deleted = this.events.stream(ProductDeletedEvent.class).toList();
		assertThat(deleted).containsExactly(new ProductDeletedEvent(Long.toString(product.id())));
		assertThat(this.committed.of(ProductDeletedEvent.class)).containsExactlyElementsOf(deleted);
	}

	@Test
	void adminOpensTheProductPages() throws Exception {
		Product product = TestProducts.onSale(this.catalogue, "Sieve", "6.00");

		this.admin.open("/admin/products").andExpect(status().isOk())
			.andExpect(content().string(containsString(product.title())));
		this.admin.open("/admin/products/new").andExpect(status().isOk())
			.andExpect(content().string(containsString("Add a product")));
		this.admin.open("/admin/products/" + product.id()).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"6.00\"")));
	}

	@Test
	void customersCannotOpenTheAdminPages() throws Exception {
		Shopper customer = Shopper.registered(this.mvc);

		customer.open("/admin/products").andExpect(status().isForbidden());
		customer.submit("/admin/products/new", "title", "Sneaky", "price", "1.00").andExpect(status().isForbidden());

		assertThat(this.events.stream(ProductSavedEvent.class)).isEmpty();
	}

	private void forgetSetUp() {
		this.events.clear();
		this.committed.clear();
	}

	private InfluenceProduct onlySaved() {
		List<ProductSavedEvent> saved = this.events.stream(ProductSavedEvent.class).toList();
		assertThat(saved).hasSize(1);
		assertThat(this.committed.of(ProductSavedEvent.class)).containsExactlyElementsOf(saved);
		return saved.get(0).product();
	}

}
