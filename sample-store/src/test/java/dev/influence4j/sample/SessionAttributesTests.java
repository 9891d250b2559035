package dev.influence4j.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import dev.influence4j.platform.PlatformClient;
import dev.influence4j.platform.PointsAward;
import dev.influence4j.sample.account.Account;
import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the store keeps in the HTTP session. With the {@code postgres} profile sessions are written to the
 * database, serialized, so that another node can read them; everything the store, Spring Security and Spring
 * MVC put there must therefore survive Java serialization. Checked here after each kind of request that adds
 * to the session, on the default profile, which keeps sessions in memory.
 */
@StoreTest
class SessionAttributesTests {

	private static final String CART = "scopedTarget.cart";

	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Catalogue catalogue;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PlatformClient platform;

	@Test
	void defaultProfileKeepsSessionsInMemory() {
		assertThat(this.context.getBeanProvider(SessionRepository.class).getIfAvailable()).isNull();
		assertThat(this.context.getBean(DemoData.class)).isNotNull();
	}

	@Test
	void everythingAShopperLeavesInTheSessionSurvivesSerialization() throws Exception {
		Product product = TestProducts.onSale(this.catalogue, "Session mug", "25.00");
		Shopper shopper = Shopper.anonymous(this.mvc);
		Set<String> seen = new LinkedHashSet<>();

		shopper.submit("/cart/add", "productId", Long.toString(product.id()), "quantity", "2")
			.andExpect(flash().attributeExists("notice"));
		seen.addAll(serializable(shopper.session()));

		String[] account = Shopper.newAccount(this.mvc);
		Shopper customer = shopper.logInAs(account[0], account[1]);
		Account saved = this.accounts.findByEmail(account[0]).orElseThrow();
		this.platform.customers().upsert(saved.toInfluence());
		this.platform.points().award(Long.toString(saved.id()), PointsAward.of(600, "Points from a test"));
		customer.open("/account").andExpect(status().isOk());
		seen.addAll(serializable(customer.session()));

		customer.submit("/account/redeem", "ruleId", "redeem-500-5-off")
			.andExpect(flash().attributeExists("couponCode"));
		seen.addAll(serializable(customer.session()));
		customer.placeOrder("", "BANK_TRANSFER");
		seen.addAll(serializable(customer.session()));

		assertThat(seen).as("what the requests put in the session").contains(CART, SECURITY_CONTEXT, FLASH_MAPS);
	}

	@Test
	void everythingTheAdminLeavesInTheSessionSurvivesSerialization() throws Exception {
		Shopper admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
		admin.submit("/admin/products/new", "title", "Session teapot", "description", "Made by a test.", "price",
				"30.00", "active", "true")
			.andExpect(flash().attributeExists("notice"));

		assertThat(serializable(admin.session())).contains(SECURITY_CONTEXT, FLASH_MAPS);
	}

	/**
	 * Serialize and read back every attribute of a session.
	 * @return the attributes' names
	 */
	private static Set<String> serializable(MockHttpSession session) throws IOException, ClassNotFoundException {
		Set<String> names = new LinkedHashSet<>(Collections.list(session.getAttributeNames()));
		for (String name : names) {
			Object value = session.getAttribute(name);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(value);
			}
			catch (IOException ex) {
				throw new AssertionError("session attribute " + name + " (" + value.getClass().getName()
						+ ") cannot be serialized", ex);
			}
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
				assertThat(in.readObject()).as(name).isInstanceOf(value.getClass());
			}
		}
		return names;
	}

}
