package dev.influence4j.backfill;

import java.time.Duration;

import dev.influence4j.Require;

/**
 * How a backfill runs.
 *
 * @param node this node's id, in leases
 * @param pageSize rows read per page (and written per transaction)
 * @param maxPending most backfill entries unfinished in the outbox: the next page is written only when it fits
 * @param lease how long a node holds a kind's import without renewing it (renewed with every page)
 * @param pollInterval how often a waiting import checks again
 */
public record BackfillSettings(String node, int pageSize, int maxPending, Duration lease, Duration pollInterval) {

	public BackfillSettings {
		Require.text(node, "node id");
		Require.positive(pageSize, "backfill page size");
		Require.positive(maxPending, "backfill maximum pending entries");
		if (maxPending < pageSize) {
			throw new IllegalArgumentException("the backfill's maximum pending entries (" + maxPending
					+ ") must be at least its page size (" + pageSize + ")");
		}
		Require.present(lease, "backfill lease");
		Require.present(pollInterval, "backfill poll interval");
	}

	/**
	 * The defaults: pages of 200, at most 1,000 pending, a lease of 30 seconds, a poll every second.
	 * @param node this node's id
	 * @return the settings
	 */
	public static BackfillSettings defaults(String node) {
		return new BackfillSettings(node, 200, 1000, Duration.ofSeconds(30), Duration.ofSeconds(1));
	}

	public BackfillSettings withPageSize(int pageSize) {
		return new BackfillSettings(this.node, pageSize, this.maxPending, this.lease, this.pollInterval);
	}

	public BackfillSettings withMaxPending(int maxPending) {
		return new BackfillSettings(this.node, this.pageSize, maxPending, this.lease, this.pollInterval);
	}

	public BackfillSettings withLease(Duration lease) {
		return new BackfillSettings(this.node, this.pageSize, this.maxPending, lease, this.pollInterval);
	}

	public BackfillSettings withPollInterval(Duration pollInterval) {
		return new BackfillSettings(this.node, this.pageSize, this.maxPending, this.lease, pollInterval);
	}

}
