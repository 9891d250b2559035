package dev.influence4j.autoconfigure;

import java.time.Duration;

/**
 * Imports of existing data (backfill), under {@code influence.backfill}.
 */
public class InfluenceBackfillProperties {

	/**
	 * Rows read from a source per page, and written to the outbox per transaction.
	 */
	private int pageSize = 200;

	/**
	 * Most backfill entries unfinished in the outbox at a time; the next page is written when it fits.
	 */
	private int maxPending = 1000;

	/**
	 * Time a node holds an import without renewing its lease; another node takes it over after that.
	 */
	private Duration lease = Duration.ofSeconds(30);

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public int getMaxPending() {
		return this.maxPending;
	}

	public void setMaxPending(int maxPending) {
		this.maxPending = maxPending;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

}
