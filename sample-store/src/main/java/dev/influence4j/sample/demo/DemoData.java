package dev.influence4j.sample.demo;

import java.math.BigDecimal;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import dev.influence4j.http.InfluenceApiException;
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
 * Creates the demo data once per database: a few products, the customer {@value #CUSTOMER_EMAIL} and the admin
 * {@value #ADMIN_EMAIL} (passwords in the README), and the shop's own code {@value #WELCOME_CODE}. It goes
 * through the store's services, so the products and the customer are published to influence4j like any others.
 * With a sandbox (embedded, or shared with {@code sample.sandbox.url}), the demo customer also gets
 * {@value #WELCOME_POINTS} points there, so that the account page has something to show and to redeem.
 * <p>
 * Several nodes may start at once on one empty database. Everything is created in one transaction that first
 * claims the setup step {@value #SETUP_STEP} (see {@link SetupSteps}): one node creates the data, publishes it
 * once and commits; the others wait for that commit, find the step taken and create nothing. A marker row
 * rather than a unique constraint per table because products have no natural key to be unique on, and rather
 * than a lock statement because row locks work the same on H2 and PostgreSQL.
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

	/** Points the demo customer starts with in a sandbox. */
	public static final int WELCOME_POINTS = 1200;

	/** The setup step whose row says that the demo data exists. */
	static final String SETUP_STEP = "demo-data";

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	private final ProductRepository products;

	private final Catalogue catalogue;

	private final AccountRepository accountRepository;

	private final Accounts accounts;

	private final DiscountCodeRepository discountCodes;

	private final SetupSteps setupSteps;

	private final TransactionTemplate transaction;

	private final ObjectProvider<InfluenceSandbox> embeddedSandbox;

	private final boolean sharedSandbox;

	private final PlatformClient platform;

	DemoData(ProductRepository products, Catalogue catalogue, AccountRepository accountRepository, Accounts accounts,
			DiscountCodeRepository discountCodes, SetupSteps setupSteps, TransactionTemplate transaction,
			ObjectProvider<InfluenceSandbox> embeddedSandbox, @Value("${sample.sandbox.url:}") String sharedSandboxUrl,
			PlatformClient platform) {
		this.products = products;
		this.catalogue = catalogue;
		this.accountRepository = accountRepository;
		this.accounts = accounts;
		this.discountCodes = discountCodes;
		this.setupSteps = setupSteps;
		this.transaction = transaction;
		this.embeddedSandbox = embeddedSandbox;
		this.sharedSandbox = !sharedSandboxUrl.isBlank();
		this.platform = platform;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean created = Boolean.TRUE.equals(this.transaction.execute(this::createUnlessDone));
		Account customer = this.accountRepository.findByEmail(CUSTOMER_EMAIL)
			.orElseThrow(() -> new IllegalStateException("the demo data is marked done but " + CUSTOMER_EMAIL
					+ " does not exist; delete the row '" + SETUP_STEP + "' of setup_step to create it again"));
		// Never on a real Influence.io account. An embedded sandbox starts empty with its node, so it gets the
		// points on every start; a shared one outlives the nodes, so only the node that created the customer
		// gives them, once.
		if (this.embeddedSandbox.getIfAvailable() != null || (this.sharedSandbox && created)) {
			welcomePoints(customer);
		}
	}

	private boolean createUnlessDone(TransactionStatus status) {
		try {
			if (!this.setupSteps.claim(SETUP_STEP, Instant.now())) {
				logger.info("The demo data was created before");
				return false;
			}
		}
		catch (DuplicateKeyException ex) {
			// Another node claimed the step a moment ago and has committed its demo data.
			status.setRollbackOnly();
			logger.info("Another node created the demo data at the same moment");
			return false;
		}
		// Each part checked anyway: databases from before setup_step existed have the data but not the row.
		if (this.products.count() == 0) {
			product("Blue enamel mug", "A sturdy camping mug, 350 ml.", "12.50");
			product("Pour-over coffee set", "Dripper, glass carafe and 100 filters.", "39.00");
			product("Single-origin beans, 250 g", "Washed Ethiopian, light roast, notes of jasmine.", "9.90");
			product("Hand grinder", "Ceramic burrs, adjustable from espresso to French press.", "54.00");
			product("Tea towel", "Linen, printed with the store's logo.", "7.50");
		}
		if (this.accountRepository.findByEmail(CUSTOMER_EMAIL).isEmpty()) {
			this.accounts.create(CUSTOMER_EMAIL, CUSTOMER_PASSWORD, "Jane", "Doe", AccountRole.CUSTOMER);
		}
		if (this.accountRepository.findByEmail(ADMIN_EMAIL).isEmpty()) {
			this.accounts.create(ADMIN_EMAIL, ADMIN_PASSWORD, "Ada", "Admin", AccountRole.ADMIN);
		}
		this.discountCodes.insertIfAbsent(new DiscountCode(WELCOME_CODE, DiscountKind.FIXED_AMOUNT,
				new BigDecimal("5.00"), new BigDecimal("20.00"), DiscountSource.SHOP, "Demo: welcome code",
				Instant.now(), null, null));
		logger.info("Created the demo data");
		return true;
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
		try {
			// The upsert is what influence4j's outbox also sends for the customer; doing it here too means the
			// points land whichever arrives first.
			this.platform.customers().upsert(customer.toInfluence());
			this.platform.points()
				.award(Long.toString(customer.id()), PointsAward.of(WELCOME_POINTS, "Welcome to the demo"));
			logger.info("Gave {} {} points in the Influence.io sandbox", CUSTOMER_EMAIL, WELCOME_POINTS);
		}
		catch (InfluenceApiException ex) {
			// A shared sandbox that is not up yet must not keep the store from starting; only the points are lost.
			logger.warn("Could not give {} the welcome points in the Influence.io sandbox: {}", CUSTOMER_EMAIL,
					ex.getMessage());
		}
	}

}
