package dev.influence4j.sample.demo;

import java.math.BigDecimal;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import dev.influence4j.platform.PlatformClient;
import dev.influence4j.platform.PointsAward;
import dev.influence4j.sample.account.Account;
import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.account.AccountRole;
import dev.influence4j.sample.account.Accounts;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.ProductForm;
import dev.influence4j.sample.catalogue.ProductRepository;
import dev.influence4j.sample.discount.DiscountCode;
import dev.influence4j.sample.discount.DiscountCodeRepository;
import dev.influence4j.sample.discount.DiscountKind;
import dev.influence4j.sample.discount.DiscountSource;
import dev.influence4j.test.InfluenceSandbox;

/**
 * Creates the demo data when it is missing: a few products, the customer {@value #CUSTOMER_EMAIL} and the
 * admin {@value #ADMIN_EMAIL} (passwords in the README), and the shop's own code {@value #WELCOME_CODE}.
 * It goes through the store's services, so the products and the customer are published to influence4j like
 * any others. With the embedded sandbox, the demo customer also gets {@value #WELCOME_POINTS} points there,
 * so that the account page has something to show and to redeem.
 * <p>
 * Turned off with {@code sample.demo-data.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.demo-data.enabled", matchIfMissing = true)
public class DemoData implements ApplicationRunner {

	/** The demo customer's login. */
	public static final String CUSTOMER_EMAIL = "jane@example.com";

	/** The demo customer's password (published in the README: it is a demo). */
	public static final String CUSTOMER_PASSWORD = "jane-demo-1";

	/** The demo admin's login. */
	public static final String ADMIN_EMAIL = "admin@example.com";

	/** The demo admin's password (published in the README: it is a demo). */
	public static final String ADMIN_PASSWORD = "admin-demo-1";

	/** The shop's own single-use demo code: 5.00 EUR off an order of 20.00 EUR or more. */
	public static final String WELCOME_CODE = "WELCOME5";

	/** Points the demo customer starts with in the embedded sandbox. */
	public static final int WELCOME_POINTS = 1200;

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final ProductRepository products;

	private final Catalogue catalogue;

	private final AccountRepository accountRepository;

	private final Accounts accounts;

	private final DiscountCodeRepository discountCodes;

	private final ObjectProvider<InfluenceSandbox> sandbox;

	private final PlatformClient platform;

	DemoData(ProductRepository products, Catalogue catalogue, AccountRepository accountRepository, Accounts accounts,
			DiscountCodeRepository discountCodes, ObjectProvider<InfluenceSandbox> sandbox, PlatformClient platform) {
		this.products = products;
		this.catalogue = catalogue;
		this.accountRepository = accountRepository;
		this.accounts = accounts;
		this.discountCodes = discountCodes;
		this.sandbox = sandbox;
		this.platform = platform;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.products.count() == 0) {
			product("Blue enamel mug", "A sturdy camping mug, 350 ml.", "12.50");
			product("Pour-over coffee set", "Dripper, glass carafe and 100 filters.", "39.00");
			product("Single-origin beans, 250 g", "Washed Ethiopian, light roast, notes of jasmine.", "9.90");
			product("Hand grinder", "Ceramic burrs, adjustable from espresso to French press.", "54.00");
			product("Tea towel", "Linen, printed with the store's logo.", "7.50");
			logger.info("Created the demo products");
		}
		Account customer = this.accountRepository.findByEmail(CUSTOMER_EMAIL)
			.orElseGet(() -> this.accounts.create(CUSTOMER_EMAIL, CUSTOMER_PASSWORD, "Jane", "Doe",
					AccountRole.CUSTOMER));
		if (this.accountRepository.findByEmail(ADMIN_EMAIL).isEmpty()) {
			this.accounts.create(ADMIN_EMAIL, ADMIN_PASSWORD, "Ada", "Admin", AccountRole.ADMIN);
		}
		this.discountCodes.insertIfAbsent(new DiscountCode(WELCOME_CODE, DiscountKind.FIXED_AMOUNT,
				new BigDecimal("5.00"), new BigDecimal("20.00"), DiscountSource.SHOP, "Demo: welcome code",
				Instant.now(), null, null));
		this.sandbox.ifAvailable((running) -> welcomePoints(customer));
	}

	private void product(String title, String description, String price) {
		ProductForm form = new ProductForm();
		form.setTitle(title);
		form.setDescription(description);
		form.setPrice(new BigDecimal(price));
		form.setActive(true);
		this.catalogue.create(form);
	}

	private void welcomePoints(Account customer) {
		// The sandbox starts empty with every run. The upsert is what influence4j's outbox also sends for the
		// customer; doing it here too means the points land whichever arrives first.
		this.platform.customers().upsert(customer.toInfluence());
		this.platform.points()
			.award(Long.toString(customer.id()), PointsAward.of(WELCOME_POINTS, "Welcome to the demo"));
		logger.info("Gave {} {} points in the Influence.io sandbox", CUSTOMER_EMAIL, WELCOME_POINTS);
	}

}
