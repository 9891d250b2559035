package dev.influence4j.autoconfigure.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.influence4j.webhook.RewardCodeIssuer;

/**
 * Warns at startup when webhooks are received but the shop has no {@link RewardCodeIssuer}: the codes of
 * redeemed points and referral rewards would then wait as dead letters instead of working at checkout.
 */
final class RewardCodeIssuerCheck implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(RewardCodeIssuerCheck.class);

	private final ObjectProvider<RewardCodeIssuer> issuers;

	RewardCodeIssuerCheck(ObjectProvider<RewardCodeIssuer> issuers) {
		this.issuers = issuers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.issuers.getIfAvailable() == null) {
			logger.warn("influence4j receives Influence.io webhooks but the application has no RewardCodeIssuer bean: "
					+ "discount codes from redeemed points, referrals and tier rewards cannot be created in the shop. "
					+ "Such deliveries are kept as dead letters until you implement "
					+ "dev.influence4j.webhook.RewardCodeIssuer and requeue them.");
		}
	}

}
