package dev.influence4j.webhook;

/**
 * {@code customers/updated}: a customer changed on Influence.io. The body is the customer itself.
 *
 * @param customer the customer as it is now
 */
public record CustomerUpdated(WebhookCustomer customer) implements WebhookPayload {

	static CustomerUpdated read(WebhookBody body) {
		if (body.text("id") == null && body.text("externalId") == null && body.text("email") == null) {
			throw new InvalidWebhookException("customers/updated needs a customer with an id, externalId or email");
		}
		return new CustomerUpdated(body.as(WebhookCustomer.class, "customer"));
	}

}
