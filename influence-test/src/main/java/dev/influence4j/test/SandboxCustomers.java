package dev.influence4j.test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The customers room: members and guests (a guest is created by an order and adopted by a later upsert with
 * its email), their profiles and memberships, and who a Launcher call proves to be. Their points are the
 * {@link SandboxLedger}'s. Runs only under {@link SandboxState}'s lock and never locks itself; of the other
 * rooms it calls only {@link SandboxSubscriptions}, to raise {@code customers/updated}.
 */
final class SandboxCustomers {

	private static final String LINK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final SandboxSettings settings;

	private final Clock clock;

	private final WireFormat wire;

	private final SandboxSubscriptions subscriptions;

	private final LauncherDigest digest;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, CustomerRecord> customers = new LinkedHashMap<>();

	private final Map<String, CustomerRecord> customersByExternalId = new HashMap<>();

	SandboxCustomers(SandboxSettings settings, Clock clock, WireFormat wire, SandboxSubscriptions subscriptions) {
		this.settings = settings;
		this.clock = clock;
		this.wire = wire;
		this.subscriptions = subscriptions;
		this.digest = new LauncherDigest(settings.apiKey(), settings.shopKey());
	}

	// Customers (Platform)

	Answer get(String externalId) {
		return Answer.enveloped("customer", this.wire.platformCustomer(require(externalId)));
	}

	Answer upsert(String externalId, RequestFields body) {
		String email = body.text("email");
		if (email != null && !email.contains("@")) {
			throw ApiError.invalid("email must be an email address");
		}
		String name = body.text("name");
		String firstName = body.text("firstName");
		String lastName = body.text("lastName");
		String phone = body.text("phone");
		Integer birthdayMonth = body.between("birthdayMonth", 1, 12);
		Integer birthdayDay = body.between("birthdayDay", 1, 31);
		Instant now = this.clock.instant();
		CustomerRecord customer = this.customersByExternalId.get(externalId);
		if (customer == null) {
			if (email == null || email.isBlank()) {
				throw ApiError.invalid("email is required to create a customer");
			}
			customer = guestWithoutId(email);
			if (customer != null) {
				// A guest known from an order signs up: it becomes the member, keeping its points.
				customer.externalId = externalId;
				this.customersByExternalId.put(externalId, customer);
			}
			else {
				customer = newCustomer(externalId, email, CustomerRecord.MEMBER, now);
			}
		}
		customer.customerType = CustomerRecord.MEMBER;
		if (email != null) {
			// Held as sent: nothing says Influence.io lowercases it, and the Launcher check below then refuses a
			// shop whose Platform email is not the one its digest was computed over (reference 6.2).
			customer.email = email;
		}
		if (firstName != null) {
			customer.firstName = firstName;
		}
		if (lastName != null) {
			customer.lastName = lastName;
		}
		if (name != null) {
			customer.name = name;
		}
		else if (firstName != null || lastName != null) {
			customer.name = (((customer.firstName != null) ? customer.firstName : "") + " "
					+ ((customer.lastName != null) ? customer.lastName : "")).strip();
		}
		if (phone != null) {
			customer.phone = phone;
		}
		if (birthdayMonth != null) {
			customer.birthdayMonth = birthdayMonth;
		}
		if (birthdayDay != null) {
			customer.birthdayDay = birthdayDay;
		}
		customer.updatedAt = now;
		this.subscriptions.emit("customers/updated", this.wire.webhookCustomer(customer));
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	Answer list(Map<String, String> query) {
		int offset = 0;
		CustomerFilter filter;
		String cursor = query.get("cursor");
		if (cursor != null && !cursor.isBlank()) {
			// Influence.io ignores every other parameter once a cursor is sent: the filters travel in it.
			PageToken token = PageToken.decode(cursor, ApiError.platform(400, "cursor is not valid"));
			offset = token.offset();
			filter = new CustomerFilter(token.filters());
		}
		else {
			filter = CustomerFilter.fromQuery(query);
		}
		List<ObjectNode> matching = this.customers.values()
			.stream()
			.filter(filter)
			.map(this.wire::platformCustomer)
			.toList();
		return Answer.ok(this.wire.page("customers", "cursor", matching, offset, filter.filters()));
	}

	Answer enroll(String externalId, RequestFields body) {
		String membershipId = body.text("membershipId");
		CustomerRecord customer = require(externalId);
		customer.membershipId = (membershipId != null && !membershipId.isBlank()) ? membershipId
				: WireFormat.DEFAULT_MEMBERSHIP_ID;
		customer.updatedAt = this.clock.instant();
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	Answer removeMembership(String externalId) {
		CustomerRecord customer = require(externalId);
		customer.membershipId = null;
		customer.updatedAt = this.clock.instant();
		return Answer.enveloped("customer", this.wire.platformCustomer(customer));
	}

	// Launcher

	/**
	 * The customer the credentials prove, or the Launcher's errors: 400 when the shop or customer is missing,
	 * 401 {@code DigestMismatch} for an unknown shop, an unknown customer, an email that is not the customer's
	 * or a wrong digest (deliberately alike).
	 */
	CustomerRecord authenticate(SandboxState.LauncherCredentials credentials) {
		if (blank(credentials.shop())) {
			throw ApiError.launcher(400, "ShopRequired");
		}
		String customerId = credentials.customerId();
		String givenEmail = credentials.email();
		if (customerId == null || customerId.isBlank() || givenEmail == null || givenEmail.isBlank()) {
			throw ApiError.launcher(400, "CustomerRequired");
		}
		// The digest recipe lowercases the email, so the customer must be held under the lowercased email exactly.
		String email = givenEmail.toLowerCase(Locale.ROOT);
		// The digest is always computed, so an unknown customer takes as long to refuse as a wrong digest.
		boolean digestMatches = this.digest.matches(email, customerId, credentials.digest());
		CustomerRecord customer = this.customersByExternalId.get(customerId);
		if (!this.settings.shopKey().equals(credentials.shop()) || customer == null || !customer.email.equals(email)
				|| !digestMatches) {
			throw ApiError.launcher(401, "DigestMismatch");
		}
		return customer;
	}

	Answer launcherProfile(CustomerRecord customer) {
		return Answer.ok(this.wire.launcherCustomer(customer));
	}

	Answer setBirthday(CustomerRecord customer, JsonNode body) {
		JsonNode month = body.path("birthdayMonth");
		JsonNode day = body.path("birthdayDay");
		if (!month.isIntegralNumber() || month.asInt() < 1 || month.asInt() > 12 || !day.isIntegralNumber()
				|| day.asInt() < 1 || day.asInt() > 31) {
			throw ApiError.launcher(400, "InvalidBirthday");
		}
		customer.birthdayMonth = month.asInt();
		customer.birthdayDay = day.asInt();
		customer.updatedAt = this.clock.instant();
		return Answer.success();
	}

	Optional<ObjectNode> loyaltyCardLookup(String lookupKey) {
		CustomerRecord customer = this.customers.get(lookupKey);
		if (customer == null) {
			customer = this.customersByExternalId.get(lookupKey);
		}
		return Optional.ofNullable(customer)
			.map((found) -> WireFormat.object()
				.put("id", found.id)
				.put("external_id", found.externalId)
				.put("point_balance", found.pointBalance));
	}

	/** An order's customer: by the shop's customer id, else by email, else a new guest. */
	CustomerRecord forOrder(OrderRecord.OrderInput input, Instant now) {
		String email = input.email();
		if (input.customerId() != null) {
			CustomerRecord customer = this.customersByExternalId.get(input.customerId());
			return (customer != null) ? customer : newCustomer(input.customerId(), email, CustomerRecord.GUEST, now);
		}
		return this.customers.values()
			.stream()
			.filter((customer) -> customer.email.equalsIgnoreCase(email))
			.findFirst()
			.orElseGet(() -> newCustomer(null, email, CustomerRecord.GUEST, now));
	}

	/** A customer by the sandbox's UUID. */
	@Nullable CustomerRecord byId(String id) {
		return this.customers.get(id);
	}

	// Access for tests

	Optional<SandboxCustomer> customer(String externalId) {
		return Optional.ofNullable(this.customersByExternalId.get(externalId)).map(CustomerRecord::snapshot);
	}

	Optional<SandboxCustomer> customerByEmail(String email) {
		return this.customers.values()
			.stream()
			.filter((customer) -> customer.email.equalsIgnoreCase(email))
			.findFirst()
			.map(CustomerRecord::snapshot);
	}

	List<SandboxCustomer> customers() {
		return this.customers.values().stream().map(CustomerRecord::snapshot).toList();
	}

	/** A member added by a test, without a request; its starting points are the ledger's to record. */
	CustomerRecord addCustomer(String externalId, String email, long points) {
		if (this.customersByExternalId.containsKey(externalId)) {
			throw new IllegalArgumentException("a customer with id " + externalId + " exists already");
		}
		if (!email.contains("@")) {
			throw new IllegalArgumentException("email must contain '@'");
		}
		if (points < 0) {
			throw new IllegalArgumentException("points must not be negative");
		}
		// Seeded as influence4j upserts a customer: under the lowercased email.
		return newCustomer(externalId, email.toLowerCase(Locale.ROOT), CustomerRecord.MEMBER, this.clock.instant());
	}

	void reset() {
		this.customers.clear();
		this.customersByExternalId.clear();
	}

	/** A member by the shop's id, or the Platform's 404. */
	CustomerRecord require(String externalId) {
		CustomerRecord customer = this.customersByExternalId.get(externalId);
		if (customer == null) {
			throw ApiError.platform(404, "Customer not found");
		}
		return customer;
	}

	private @Nullable CustomerRecord guestWithoutId(String email) {
		return this.customers.values()
			.stream()
			.filter((customer) -> customer.externalId == null && customer.email.equalsIgnoreCase(email))
			.findFirst()
			.orElse(null);
	}

	private CustomerRecord newCustomer(@Nullable String externalId, String email, String type, Instant now) {
		CustomerRecord customer = new CustomerRecord(UUID.randomUUID().toString(), externalId, email, type,
				randomLink(), now);
		this.customers.put(customer.id, customer);
		if (externalId != null) {
			this.customersByExternalId.put(externalId, customer);
		}
		return customer;
	}

	private String randomLink() {
		StringBuilder text = new StringBuilder(9);
		for (int i = 0; i < 9; i++) {
			text.append(LINK_ALPHABET.charAt(this.random.nextInt(LINK_ALPHABET.length())));
		}
		return text.toString();
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
