package dev.influence4j.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A customer as the sandbox keeps it: mutable, guarded by the state's lock, never handed out (tests get
 * {@link SandboxCustomer} snapshots).
 */
final class CustomerRecord {

	static final String MEMBER = "Member";

	static final String GUEST = "Guest";

	final String id;

	@Nullable String externalId;

	String email;

	@Nullable String firstName;

	@Nullable String lastName;

	@Nullable String name;

	@Nullable String phone;

	String customerType;

	long pointBalance;

	/** Lifetime earned points: the scale tier thresholds use. */
	long tierProgress;

	@Nullable String membershipId;

	final String referralLink;

	@Nullable Integer birthdayMonth;

	@Nullable Integer birthdayDay;

	final Instant createdAt;

	Instant updatedAt;

	Instant lastSeenAt;

	CustomerRecord(String id, @Nullable String externalId, String email, String customerType, String referralLink,
			Instant now) {
		this.id = id;
		this.externalId = externalId;
		this.email = email;
		this.customerType = customerType;
		this.referralLink = referralLink;
		this.createdAt = now;
		this.updatedAt = now;
		this.lastSeenAt = now;
	}

	SandboxTier tier() {
		return SandboxTier.forProgress(this.tierProgress);
	}

	SandboxCustomer snapshot() {
		return new SandboxCustomer(this.id, this.externalId, this.email, this.firstName, this.lastName, this.name,
				this.phone, this.customerType, this.pointBalance, this.tierProgress, tier().id(), this.membershipId,
				this.referralLink, this.birthdayMonth, this.birthdayDay, this.createdAt, this.updatedAt, this.lastSeenAt);
	}

}
