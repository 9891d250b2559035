package dev.influence4j.platform;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;
import dev.influence4j.digest.CustomerIdentity;

/**
 * Filters for listing customers. All query parameter names are provisional (the documentation shows only
 * their types); Influence.io ignores them when a cursor is sent. Immutable; start from {@link #all()}.
 * <p>
 * The email filter is lowercased by the digest's rule ({@link CustomerIdentity#normalizeEmail(String)}), as
 * every email influence4j sends is, so it finds the customers influence4j upserted.
 *
 * @param email only customers with this email, in any case; kept lowercased
 * @param pointBalanceMin smallest point balance
 * @param pointBalanceMax largest point balance
 * @param createdAtMin created at or after
 * @param createdAtMax created at or before
 * @param updatedAtMin updated at or after
 * @param updatedAtMax updated at or before
 * @param lastSeenAtMin last seen at or after
 * @param lastSeenAtMax last seen at or before
 */
public record CustomerQuery(@Nullable String email, @Nullable BigDecimal pointBalanceMin,
		@Nullable BigDecimal pointBalanceMax, @Nullable Instant createdAtMin, @Nullable Instant createdAtMax,
		@Nullable Instant updatedAtMin, @Nullable Instant updatedAtMax, @Nullable Instant lastSeenAtMin,
		@Nullable Instant lastSeenAtMax) {

	public CustomerQuery {
		if (email != null) {
			email = CustomerIdentity.normalizeEmail(Require.text(email, "email filter"));
		}
		if (pointBalanceMin != null && pointBalanceMin.signum() < 0) {
			throw new IllegalArgumentException("pointBalanceMin must not be negative");
		}
		if (pointBalanceMax != null && pointBalanceMax.signum() < 0) {
			throw new IllegalArgumentException("pointBalanceMax must not be negative");
		}
	}

	/**
	 * No filter: every customer.
	 * @return the query
	 */
	public static CustomerQuery all() {
		return new CustomerQuery(null, null, null, null, null, null, null, null, null);
	}

	public CustomerQuery withEmail(String email) {
		return new CustomerQuery(email, this.pointBalanceMin, this.pointBalanceMax, this.createdAtMin,
				this.createdAtMax, this.updatedAtMin, this.updatedAtMax, this.lastSeenAtMin, this.lastSeenAtMax);
	}

	public CustomerQuery withPointBalanceBetween(@Nullable BigDecimal min, @Nullable BigDecimal max) {
		return new CustomerQuery(this.email, min, max, this.createdAtMin, this.createdAtMax, this.updatedAtMin,
				this.updatedAtMax, this.lastSeenAtMin, this.lastSeenAtMax);
	}

	public CustomerQuery withCreatedBetween(@Nullable Instant min, @Nullable Instant max) {
		return new CustomerQuery(this.email, this.pointBalanceMin, this.pointBalanceMax, min, max, this.updatedAtMin,
				this.updatedAtMax, this.lastSeenAtMin, this.lastSeenAtMax);
	}

	public CustomerQuery withUpdatedBetween(@Nullable Instant min, @Nullable Instant max) {
		return new CustomerQuery(this.email, this.pointBalanceMin, this.pointBalanceMax, this.createdAtMin,
				this.createdAtMax, min, max, this.lastSeenAtMin, this.lastSeenAtMax);
	}

	public CustomerQuery withLastSeenBetween(@Nullable Instant min, @Nullable Instant max) {
		return new CustomerQuery(this.email, this.pointBalanceMin, this.pointBalanceMax, this.createdAtMin,
				this.createdAtMax, this.updatedAtMin, this.updatedAtMax, min, max);
	}

}
