package dev.influence4j.sample.account;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.platform.PlatformClient;
import dev.influence4j.platform.PointsAward;
import dev.influence4j.sample.CommittedEvents;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.test.InfluenceSandbox;
import dev.influence4j.test.IssuedReward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The account page against the embedded sandbox: what it shows is what the sandbox holds.
 */
@StoreTest
class AccountPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InfluenceSandbox sandbox;

	@LocalServerPort
	int port;

	@Value("${influence.webhooks.secret}")
	String webhookSecret;

	@Autowired
	PlatformClient platform;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CommittedEvents committed;

	Shopper shopper;

	Account account;

	@BeforeEach
	void customerWithPoints() throws Exception {
		this.shopper = Shopper.registered(this.mvc);
		this.account = this.accounts.findByEmail(this.shopper.email()).orElseThrow();
		// What the starter's outbox will send for the registration, then points to spend.
		this.platform.customers().upsert(this.account.toInfluence());
		this.platform.points().award(Long.toString(this.account.id()), PointsAward.of(730, "Points from a test"));
		this.events.clear();
		this.committed.clear();
	}

	@AfterEach
	void noFaults() {
		this.sandbox.faults().clear();
	}

	@Test
	void showsTheBalanceAndHistoryTheSandboxHolds() throws Exception {
		assertThat(this.sandbox.customer(Long.toString(this.account.id())).orElseThrow().pointBalance()).isEqualTo(730);

		this.shopper.open("/account")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"point-balance\">730<")))
			.andExpect(content().string(containsString("Points from a test")))
			.andExpect(content().string(containsString("5.00 off")))
			.andExpect(content().string(not(containsString("id=\"loyalty-problem\""))));
	}

	@Test
	void redeemingShowsTheCodeAndTheSandboxBalanceDrops() throws Exception {
		ResultActions redeem = this.shopper.submit("/account/redeem", "ruleId", "redeem-500-5-off");

		MvcResult redeemed = redeem.andExpect(flash().attributeExists("couponCode")).andReturn();
		String code = (String) redeemed.getFlashMap().get("couponCode");
		assertThat(code).matches("INF-[A-Z0-9]{10}");
		assertThat(this.sandbox.customer(Long.toString(this.account.id())).orElseThrow().pointBalance()).isEqualTo(230);
		assertThat(this.sandbox.issuedRewards()).extracting(IssuedReward::couponCode).contains(code);
		this.shopper.follow(redeem)
			.andExpect(content().string(containsString("id=\"coupon-code\">" + code + "<")))
			.andExpect(content().string(containsString("id=\"point-balance\">230<")));
	}

	@Test
	void redeemedCodeIsDeliveredToTheStoresWebhookUrl() throws Exception {
		MvcResult redeemed = this.shopper.submit("/account/redeem", "ruleId", "redeem-500-5-off").andReturn();
		String code = (String) redeemed.getFlashMap().get("couponCode");
		URI webhooks = URI.create("http://localhost:" + this.port + "/influence/webhooks/" + this.webhookSecret);

		// Whether the store accepts it is the starter's webhook endpoint's business; here, that it is sent.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.sandbox.webhookDeliveries())
			.anySatisfy((delivery) -> {
				assertThat(delivery.topic()).isEqualTo("points/redeemed");
				assertThat(delivery.address()).isEqualTo(webhooks);
				assertThat(delivery.body().toString()).contains(code);
			}));
	}

	@Test
	void redeemingWithoutEnoughPointsShowsAMessage() throws Exception {
		this.shopper.follow(this.shopper.submit("/account/redeem", "ruleId", "redeem-1000-10-percent"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You do not have enough points for this reward yet.")))
			.andExpect(content().string(containsString("id=\"point-balance\">730<")));
		assertThat(this.sandbox.customer(Long.toString(this.account.id())).orElseThrow().pointBalance()).isEqualTo(730);
	}

	@Test
	void influenceBeingDownShowsAMessageInsteadOfAnError() throws Exception {
		this.sandbox.faults().failRatio(1.0, 503);

		this.shopper.open("/account")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your rewards are not available right now.")))
			.andExpect(content().string(containsString(this.shopper.email())))
			.andExpect(content().string(not(containsString("id=\"point-balance\""))));
	}

	@Test
	void accountUnknownToInfluenceShowsAMessage() throws Exception {
		// Staff accounts are not loyalty members, so Influence.io never hears of them.
		Shopper admin = Shopper.loggedIn(this.mvc, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);

		admin.open("/account")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your rewards account is being set up.")));
	}

	@Test
	void profileChangePublishesTheCustomer() throws Exception {
		this.shopper.submit("/account/profile", "firstName", "Samantha", "lastName", "Shopper", "phone",
				"+49 30 1234567")
			.andExpect(flash().attribute("notice", "Your profile was saved."));

		Account saved = this.accounts.findById(this.account.id()).orElseThrow();
		assertThat(saved.firstName()).isEqualTo("Samantha");
		assertThat(saved.phone()).isEqualTo("+49 30 1234567");
		assertThat(this.events.stream(CustomerSavedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.customer()).isEqualTo(saved.toInfluence()));
		assertThat(this.committed.of(CustomerSavedEvent.class)).hasSize(1);
	}

	@Test
	void badPhoneIsRefusedWithAMessageAndNothingSaved() throws Exception {
		this.shopper.submit("/account/profile", "firstName", "Samantha", "lastName", "Shopper", "phone", "call me")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phone numbers may contain digits")));

		assertThat(this.accounts.findById(this.account.id()).orElseThrow()).isEqualTo(this.account);
		assertThat(this.events.stream(CustomerSavedEvent.class)).isEmpty();
		assertThat(this.committed.all()).isEmpty();
	}

}
