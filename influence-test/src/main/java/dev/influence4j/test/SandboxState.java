package dev.influence4j.test;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customers, points, orders, rewards and webhook subscriptions, kept in rooms: {@link SandboxCustomers}
 * (members, guests, profiles) with {@link SandboxLedger} (their points), {@link SandboxOrders} (orders and
 * what they earn), {@link SandboxRewards} (redeem rules and the codes they issue) and
 * {@link SandboxSubscriptions} (webhook subscriptions, and raising webhooks to them). This class is the only
 * way in, and it owns their one lock.
 * <p>
 * <b>The lock</b> is this object's monitor. It is one lock, not one per room, because a single request
 * touches several rooms (a paid order uses a reward code, earns through the ledger, moves a tier and raises
 * webhooks) and must be seen whole; this is a fake, so correctness matters more than throughput.
 * <ul>
 * <li><em>Who holds it:</em> every method here that reaches a room is {@code synchronized}. The HTTP threads
 * (through {@link PlatformRoutes} and {@link LauncherRoutes}) and the test's threads (through
 * {@link InfluenceSandbox}) enter only through them. The Launcher's customer calls below are not
 * synchronized: they run only inside {@link #asCustomer}, which holds the lock while it calls them.</li>
 * <li><em>What it guards:</em> every field of the rooms, and the mutable {@link CustomerRecord}s and
 * {@link OrderRecord}s they hold. Those records never leave the lock except to a call running inside it:
 * tests get snapshots ({@link SandboxCustomer}, {@link SandboxOrder}) or immutable records.</li>
 * <li><em>Rooms never lock themselves:</em> no room method is synchronized or takes a lock, and no room holds
 * a reference to this object. A room is called only with this lock held: from here, or from another room
 * called from here.</li>
 * <li><em>Nested calls run one way:</em> orders &rarr; rewards &rarr; ledger &rarr; customers &rarr;
 * subscriptions (orders use reward codes, earn through the ledger and find their buyer; rewards spend through
 * the ledger; the ledger finds customers; the ledger, rewards and customers raise webhooks). A room may skip
 * ahead in this chain but never calls back up it. Subscriptions hand deliveries to {@link WebhookDispatcher},
 * which only queues them under its own locks and never calls back, so no delivery is sent while this lock is
 * held and no delivery waits for it.</li>
 * </ul>
 * The product catalogue shares nothing with these rooms and keeps its own lock ({@link SandboxCatalogue}).
 */
final class SandboxState {

	private final WebhookDispatcher webhooks;

	private final SandboxSubscriptions subscriptions;

	private final SandboxCustomers customers;

	private final SandboxLedger ledger;

	private final SandboxRewards rewards;

	private final SandboxOrders orders;

	SandboxState(SandboxSettings settings, Clock clock, WireFormat wire, WebhookDispatcher webhooks) {
		this.webhooks = webhooks;
		this.subscriptions = new SandboxSubscriptions(clock, wire, webhooks);
		this.customers = new SandboxCustomers(settings, clock, wire, this.subscriptions);
		this.ledger = new SandboxLedger(clock, wire, this.customers, this.subscriptions);
		this.rewards = new SandboxRewards(settings.redeemRules(), clock, wire, this.ledger, this.subscriptions);
		this.orders = new SandboxOrders(settings, clock, wire, this.customers, this.ledger, this.rewards);
	}

	// Customers, points and memberships (Platform)

	synchronized Answer getCustomer(String externalId) {
		return this.customers.get(externalId);
	}

	synchronized Answer upsertCustomer(String externalId, RequestFields body) {
		return this.customers.upsert(externalId, body);
	}

	synchronized Answer listCustomers(Map<String, String> query) {
		return this.customers.list(query);
	}

	synchronized Answer awardPoints(String externalId, RequestFields body) {
		return this.ledger.awardPoints(externalId, body);
	}

	synchronized Answer deductPoints(String externalId, RequestFields body) {
		return this.ledger.deductPoints(externalId, body);
	}

	synchronized Answer enroll(String externalId, RequestFields body) {
		return this.customers.enroll(externalId, body);
	}

	synchronized Answer removeMembership(String externalId) {
		return this.customers.removeMembership(externalId);
	}

	// Orders (Platform)

	synchronized Answer createOrder(RequestFields body) {
		return this.orders.create(body);
	}

	synchronized Answer updateOrder(String orderId, RequestFields body) {
		return this.orders.update(orderId, body);
	}

	synchronized Answer getOrder(String orderId) {
		return this.orders.get(orderId);
	}

	// Rewards and webhook subscriptions (Platform)

	synchronized Answer useReward(String couponCode) {
		return this.rewards.use(couponCode);
	}

	synchronized Answer listWebhooks() {
		return this.subscriptions.list();
	}

	synchronized Answer createWebhook(RequestFields body) {
		return this.subscriptions.create(body);
	}

	synchronized Answer getWebhook(String id) {
		return this.subscriptions.get(id);
	}

	synchronized Answer updateWebhook(String id, RequestFields body) {
		return this.subscriptions.update(id, body);
	}

	synchronized Answer deleteWebhook(String id) {
		return this.subscriptions.delete(id);
	}

	synchronized String subscribe(String topic, URI address) {
		return this.subscriptions.subscribe(topic, address);
	}

	synchronized boolean unsubscribe(String subscriptionId) {
		return this.subscriptions.unsubscribe(subscriptionId);
	}

	// Launcher

	/**
	 * Run a Launcher customer call as the customer the credentials prove, holding the lock throughout, or
	 * end it with the Launcher's errors (see {@link SandboxCustomers#authenticate}).
	 */
	synchronized Answer asCustomer(LauncherCredentials credentials, Function<CustomerRecord, Answer> call) {
		return call.apply(this.customers.authenticate(credentials));
	}

	// The customer calls below run only inside asCustomer, which holds the lock.

	Answer launcherCustomer(CustomerRecord customer) {
		return this.customers.launcherProfile(customer);
	}

	Answer pointsHistory(CustomerRecord customer, @Nullable String nextToken) {
		return this.ledger.pointsHistory(customer, nextToken);
	}

	Answer activeRewards(CustomerRecord customer, @Nullable String type, @Nullable String rewardType,
			@Nullable String nextToken) {
		return this.rewards.active(customer, type, rewardType, nextToken);
	}

	Answer activeRewardCount(CustomerRecord customer, @Nullable String type, @Nullable String rewardType) {
		return this.rewards.activeCount(customer, type, rewardType);
	}

	Answer redeem(CustomerRecord customer, JsonNode body) {
		return this.rewards.redeem(customer, body);
	}

	Answer setBirthday(CustomerRecord customer, JsonNode body) {
		return this.customers.setBirthday(customer, body);
	}

	synchronized Optional<ObjectNode> loyaltyCardLookup(String lookupKey) {
		return this.customers.loyaltyCardLookup(lookupKey);
	}

	// Access for tests

	synchronized Optional<SandboxCustomer> customer(String externalId) {
		return this.customers.customer(externalId);
	}

	synchronized Optional<SandboxCustomer> customerByEmail(String email) {
		return this.customers.customerByEmail(email);
	}

	synchronized List<SandboxCustomer> customers() {
		return this.customers.customers();
	}

	synchronized Optional<SandboxOrder> order(String orderId) {
		return this.orders.order(orderId);
	}

	synchronized List<SandboxOrder> orders() {
		return this.orders.orders();
	}

	synchronized List<SandboxPointActivity> pointActivities(String externalId) {
		return this.ledger.pointActivities(externalId);
	}

	synchronized List<SandboxPointActivity> pointActivities() {
		return this.ledger.pointActivities();
	}

	synchronized List<IssuedReward> issuedRewards() {
		return this.rewards.issued();
	}

	synchronized SandboxCustomer addCustomer(String externalId, String email, long points) {
		CustomerRecord customer = this.customers.addCustomer(externalId, email, points);
		this.ledger.seed(customer, points);
		return customer.snapshot();
	}

	synchronized void reset() {
		this.customers.reset();
		this.ledger.reset();
		this.orders.reset();
		this.rewards.reset();
		this.subscriptions.reset();
		this.webhooks.reset();
	}

	/**
	 * What a Launcher customer call presents to prove who it is.
	 *
	 * @param shop the shop key
	 * @param customerId the shop's customer id
	 * @param email the customer's email, in any case
	 * @param digest the digest
	 */
	record LauncherCredentials(@Nullable String shop, @Nullable String customerId, @Nullable String email,
			@Nullable String digest) {

	}

}
