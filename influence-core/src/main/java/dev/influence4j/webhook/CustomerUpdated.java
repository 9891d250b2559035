package dev.influence4j.webhook;

/**
 * {@code customers/updated}: a customer changed on Influence.io. The body is the customer itself.
 *
 * @param customer the customer as it is now
 */
public record CustomerUpdated(WebhookCustomer customer) {

}
