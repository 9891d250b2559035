package dev.influence4j.platform;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * Webhook subscriptions: which addresses Influence.io posts which topics to. All five endpoints' paths and
 * bodies are provisional.
 */
public final class WebhookSubscriptionApi {

	private final ApiTransport transport;

	WebhookSubscriptionApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Every subscription of the shop.
	 * @return the subscriptions
	 */
	public List<WebhookSubscription> list() {
		JsonNode body = this.transport.call(ApiRequest.to(PlatformEndpoint.WEBHOOKS_LIST));
		return this.transport
			.readPage(body, "webhooks", WebhookSubscription.class, PlatformEndpoint.WEBHOOKS_LIST.operation())
			.items();
	}

	/**
	 * Subscribe an address to a topic. Not idempotent: check {@link #list()} first to avoid duplicates.
	 * @param registration the topic and address
	 * @return the new subscription
	 */
	public WebhookSubscription create(WebhookRegistration registration) {
		Require.present(registration, "webhook registration");
		JsonNode body = this.transport.call(ApiRequest.to(PlatformEndpoint.WEBHOOK_CREATE).withBody(registration));
		return this.transport.readEnvelopedOrBare(body, "webhook", WebhookSubscription.class,
				PlatformEndpoint.WEBHOOK_CREATE.operation());
	}

	/**
	 * Read a subscription.
	 * @param webhookId the subscription's id
	 * @return the subscription, or empty when it does not exist
	 */
	public Optional<WebhookSubscription> get(String webhookId) {
		Require.text(webhookId, "webhook id");
		return this.transport.find(ApiRequest.to(PlatformEndpoint.WEBHOOK_GET).withPath("webhookId", webhookId),
				(body) -> this.transport.readEnvelopedOrBare(body, "webhook", WebhookSubscription.class, PlatformEndpoint.WEBHOOK_GET.operation()));
	}

	/**
	 * Change a subscription's topic or address.
	 * @param webhookId the subscription's id
	 * @param registration the new topic and address
	 * @return the subscription as changed
	 */
	public WebhookSubscription update(String webhookId, WebhookRegistration registration) {
		Require.text(webhookId, "webhook id");
		Require.present(registration, "webhook registration");
		JsonNode body = this.transport.call(
				ApiRequest.to(PlatformEndpoint.WEBHOOK_UPDATE).withPath("webhookId", webhookId).withBody(registration));
		return this.transport.readEnvelopedOrBare(body, "webhook", WebhookSubscription.class,
				PlatformEndpoint.WEBHOOK_UPDATE.operation());
	}

	/**
	 * Delete a subscription. Deleting one that does not exist is not an error.
	 * @param webhookId the subscription's id
	 */
	public void delete(String webhookId) {
		Require.text(webhookId, "webhook id");
		this.transport.remove(ApiRequest.to(PlatformEndpoint.WEBHOOK_DELETE).withPath("webhookId", webhookId));
	}

}
