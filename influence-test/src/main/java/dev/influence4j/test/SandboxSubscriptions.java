package dev.influence4j.test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook subscriptions room: {@code /v1/webhooks}, and raising a webhook to every subscription of its
 * topic. Runs only under {@link SandboxState}'s lock and never locks itself; it calls no other room, and the
 * {@link WebhookDispatcher} it hands deliveries to never calls back.
 */
final class SandboxSubscriptions {

	/** Webhook topics Influence.io documents. */
	static final List<String> TOPICS = List.of("customers/updated", "customers/tier_changed",
			"customers/tier_entry_reward_earned", "points/earned", "points/redeemed", "referrals/started",
			"referrals/completed");

	private final Clock clock;

	private final WireFormat wire;

	private final WebhookDispatcher webhooks;

	private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

	SandboxSubscriptions(Clock clock, WireFormat wire, WebhookDispatcher webhooks) {
		this.clock = clock;
		this.wire = wire;
		this.webhooks = webhooks;
	}

	Answer list() {
		ObjectNode body = WireFormat.object();
		ArrayNode list = body.putArray("webhooks");
		this.subscriptions.values().forEach((subscription) -> list.add(json(subscription)));
		return Answer.ok(body);
	}

	Answer create(RequestFields body) {
		String topic = topic(body);
		URI address = body.requiredHttpUrl("address");
		return Answer.enveloped("webhook", json(add(topic, address)));
	}

	Answer get(String id) {
		return Answer.enveloped("webhook", json(require(id)));
	}

	Answer update(String id, RequestFields body) {
		Subscription existing = require(id);
		String topic = topic(body);
		URI address = body.requiredHttpUrl("address");
		Subscription changed = new Subscription(existing.id(), topic, address, existing.createdAt());
		this.subscriptions.put(id, changed);
		return Answer.enveloped("webhook", json(changed));
	}

	Answer delete(String id) {
		require(id);
		this.subscriptions.remove(id);
		return Answer.success();
	}

	String subscribe(String topic, URI address) {
		if (!TOPICS.contains(topic)) {
			throw new IllegalArgumentException("topic must be one of " + TOPICS + " but was " + topic);
		}
		return add(topic, address).id();
	}

	boolean unsubscribe(String subscriptionId) {
		return this.subscriptions.remove(subscriptionId) != null;
	}

	/** Queue a delivery of the event to every subscription of its topic. */
	void emit(String topic, ObjectNode body) {
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.topic().equals(topic)) {
				this.webhooks.enqueue(topic, subscription.address(), subscription.id(), body);
			}
		}
	}

	void reset() {
		this.subscriptions.clear();
	}

	private String topic(RequestFields body) {
		String topic = body.requiredText("topic");
		if (!TOPICS.contains(topic)) {
			throw ApiError.invalid("topic must be one of " + TOPICS + " but was " + topic);
		}
		return topic;
	}

	private Subscription add(String topic, URI address) {
		Subscription subscription = new Subscription(UUID.randomUUID().toString(), topic, address,
				this.clock.instant());
		this.subscriptions.put(subscription.id(), subscription);
		return subscription;
	}

	private Subscription require(String id) {
		Subscription subscription = this.subscriptions.get(id);
		if (subscription == null) {
			throw ApiError.platform(404, "Webhook not found");
		}
		return subscription;
	}

	private ObjectNode json(Subscription subscription) {
		return this.wire.subscription(subscription.id(), subscription.topic(), subscription.address().toString(),
				subscription.createdAt());
	}

	/**
	 * A webhook subscription.
	 *
	 * @param id its id
	 * @param topic the topic
	 * @param address where deliveries go
	 * @param createdAt when it was created
	 */
	record Subscription(String id, String topic, URI address, Instant createdAt) {

	}

}
