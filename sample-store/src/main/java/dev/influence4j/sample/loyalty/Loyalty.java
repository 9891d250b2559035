package dev.influence4j.sample.loyalty;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.influence4j.digest.CustomerIdentity;
import dev.influence4j.http.InfluenceApiException;
import dev.influence4j.http.InfluenceClientException;
import dev.influence4j.http.InfluenceTransientException;
import dev.influence4j.launcher.DigestMismatchException;
import dev.influence4j.launcher.LauncherClient;
import dev.influence4j.launcher.LauncherCustomerApi;
import dev.influence4j.launcher.PointActivity;
import dev.influence4j.launcher.RedeemRule;
import dev.influence4j.launcher.Redemption;

/**
 * Reads a customer's loyalty account from Influence.io for the account page and spends points on a reward.
 * Influence.io being slow, down or not yet knowing the customer never breaks the page: each failure becomes
 * a sentence the page shows, and the details go to the log.
 */
@Service
public class Loyalty {

	/** Sent as {@code redemptionSource} so Influence.io's reports show where the customer redeemed. */
	static final String REDEMPTION_SOURCE = "sample-store";

	private static final Logger logger = LoggerFactory.getLogger(Loyalty.class);

	private final LauncherClient launcher;

	Loyalty(LauncherClient launcher) {
		this.launcher = launcher;
	}

	/**
	 * The customer's balance, the first page of their history and the shop's redeem rules.
	 * @param customer who is asking
	 * @return what could be read, with a sentence for what could not
	 */
	public LoyaltyStatement statement(CustomerIdentity customer) {
		List<RedeemRule> rules;
		try {
			rules = this.launcher.shop().redeemRules(null);
		}
		catch (InfluenceApiException ex) {
			logger.warn("Could not read the redeem rules: {}", ex.getMessage());
			return new LoyaltyStatement(null, List.of(), List.of(), unreachable());
		}
		try {
			LauncherCustomerApi account = this.launcher.customer(customer);
			long balance = account.profile().pointBalance();
			List<PointActivity> history = account.pointsActivity(null).items();
			return new LoyaltyStatement(balance, history, rules, null);
		}
		catch (DigestMismatchException ex) {
			// A customer registered moments ago reaches Influence.io shortly after the registration commits.
			logger.info("Influence.io does not know customer {} (yet): {}", customer.id(), ex.getMessage());
			return new LoyaltyStatement(null, List.of(), rules,
					"Your rewards account is being set up. Please look again in a minute.");
		}
		catch (InfluenceApiException ex) {
			logger.warn("Could not read the loyalty account of customer {}: {}", customer.id(), ex.getMessage());
			return new LoyaltyStatement(null, List.of(), rules, unreachable());
		}
	}

	/**
	 * Spend points on a redeem rule. Influence.io issues a coupon code and announces it with the
	 * {@code points/redeemed} webhook, through which the code reaches the shop's discount codes.
	 * @param customer who is redeeming
	 * @param redeemRuleId the rule chosen
	 * @return the code, or why there is none
	 */
	public RedeemResult redeem(CustomerIdentity customer, String redeemRuleId) {
		try {
			Redemption redemption = this.launcher.customer(customer).redeem(redeemRuleId, null, REDEMPTION_SOURCE);
			if (!redemption.success() || redemption.couponCode() == null) {
				return RedeemResult.refused("Influence.io did not issue a code. Please try again later.");
			}
			return RedeemResult.issued(redemption.couponCode());
		}
		catch (DigestMismatchException ex) {
			return RedeemResult.refused("Your rewards account is being set up. Please try again in a minute.");
		}
		catch (InfluenceTransientException ex) {
			logger.warn("Redemption for customer {} failed: {}", customer.id(), ex.getMessage());
			// The client never repeats a redemption whose outcome is unknown: the points may be spent.
			return RedeemResult.refused("We could not confirm the redemption. Please check your points history "
					+ "before trying again.");
		}
		catch (InfluenceClientException ex) {
			logger.info("Redemption for customer {} refused: {}", customer.id(), ex.getMessage());
			return RedeemResult.refused(refusal(ex));
		}
		catch (InfluenceApiException ex) {
			logger.warn("Redemption for customer {} failed: {}", customer.id(), ex.getMessage());
			return RedeemResult.refused(unreachable());
		}
	}

	private static String refusal(InfluenceClientException ex) {
		String said = (ex.vendorMessage() != null) ? ex.vendorMessage() : "";
		if (said.toLowerCase(Locale.ROOT).contains("insufficient")) {
			return "You do not have enough points for this reward yet.";
		}
		if (ex.status() == 404) {
			return "This reward is no longer offered.";
		}
		return "Influence.io refused the redemption" + (said.isBlank() ? "." : ": " + said);
	}

	private static String unreachable() {
		return "Your rewards are not available right now. Please try again later.";
	}

}
