package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the delivery loop does besides delivering, each at its own pace: renew this node's claims while it holds
 * any (its heartbeat), take over the claims of nodes whose leases expired (they died, or lost the database), and
 * purge finished entries.
 */
final class Housekeeping {

	private static final Logger logger = LoggerFactory.getLogger(Housekeeping.class);

	private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

	private final Outbox outbox;

	private final DeliverySettings settings;

	private final Clock clock;

	private final Duration beat;

	private Instant nextBeat;

	private Instant nextPurge;

	Housekeeping(Outbox outbox, DeliverySettings settings, Clock clock) {
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
		// A quarter of the lease: a claim survives three missed heartbeats, and an expired one is found within a
		// quarter of a lease after it expired.
		this.beat = settings.lease().dividedBy(4);
		this.nextBeat = clock.instant();
		this.nextPurge = clock.instant();
	}

	/**
	 * Do what is due.
	 * @param holdingClaims whether this node holds claims now
	 * @return when housekeeping is due next
	 */
	Instant run(boolean holdingClaims) {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.nextBeat)) {
			this.nextBeat = now.plus(this.beat);
			if (holdingClaims) {
				this.outbox.renewLeases(this.settings.nodeId(), this.settings.lease());
			}
			for (Outbox.Takeover takeover : this.outbox.takeOverExpired()) {
				logger.warn("influence4j took over {} entries claimed by node {}, whose claim expired (the node stopped or "
						+ "lost the database mid-attempt); they are due again, the interrupted attempt counted: {}",
						takeover.entryIds().size(), takeover.node(), takeover.entryIds());
			}
		}
		if (!now.isBefore(this.nextPurge)) {
			this.nextPurge = now.plus(PURGE_INTERVAL);
			int purged = this.outbox.purge(now.minus(this.settings.retention()), now.minus(this.settings.dedupRetention()));
			if (purged > 0) {
				logger.debug("Purged {} finished outbox entries", purged);
			}
		}
		return this.nextBeat;
	}

}
