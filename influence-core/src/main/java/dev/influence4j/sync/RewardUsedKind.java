package dev.influence4j.sync;

import dev.influence4j.Require;
import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.EntryKind;
import dev.influence4j.delivery.EntryPayloads;
import dev.influence4j.delivery.NewOutboxEntry;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code reward.used}: an Influence.io reward code was used on an order and is marked used. Written by the order
 * that used it ({@link OrderCompletedKind}).
 */
final class RewardUsedKind implements EntryKind<RewardUsedKind.RewardUsed> {

	static final String NAME = "reward.used";

	private final PlatformClient client;

	RewardUsedKind(PlatformClient client) {
		this.client = client;
	}

	static NewOutboxEntry entryFor(String couponCode) {
		RewardUsed used = new RewardUsed(couponCode);
		return NewOutboxEntry.of(NAME, EntityKeys.reward(couponCode), EntryPayloads.write(used));
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Class<RewardUsed> payloadType() {
		return RewardUsed.class;
	}

	@Override
	public String entityKey(RewardUsed used) {
		return EntityKeys.reward(used.couponCode());
	}

	@Override
	public DeliveryOutcome deliver(RewardUsed used, DeliveryAttempt attempt) {
		return PlatformOutcomes.of(() -> this.client.rewards().markUsed(used.couponCode()));
	}

	/**
	 * The payload.
	 *
	 * @param couponCode the code
	 */
	record RewardUsed(String couponCode) {

		RewardUsed {
			Require.text(couponCode, "coupon code");
		}

	}

}
