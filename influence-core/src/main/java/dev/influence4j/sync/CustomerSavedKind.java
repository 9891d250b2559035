package dev.influence4j.sync;

import dev.influence4j.delivery.DeliveryAttempt;
import dev.influence4j.delivery.DeliveryOutcome;
import dev.influence4j.delivery.StorefrontKind;
import dev.influence4j.events.CustomerSavedEvent;
import dev.influence4j.platform.InfluenceCustomer;
import dev.influence4j.platform.PlatformClient;

/**
 * {@code customer.saved}: a customer's full state, upserted (which enrols a new customer).
 */
final class CustomerSavedKind implements StorefrontKind<CustomerSavedEvent, InfluenceCustomer> {

	private final PlatformClient client;

	CustomerSavedKind(PlatformClient client) {
		this.client = client;
	}

	@Override
	public String name() {
		return "customer.saved";
	}

	@Override
	public Class<InfluenceCustomer> payloadType() {
		return InfluenceCustomer.class;
	}

	@Override
	public Class<CustomerSavedEvent> eventType() {
		return CustomerSavedEvent.class;
	}

	@Override
	public String group() {
		return "customers";
	}

	@Override
	public InfluenceCustomer payload(CustomerSavedEvent event) {
		return event.customer();
	}

	@Override
	public String entityKey(InfluenceCustomer customer) {
		return EntityKeys.customer(customer.customerId());
	}

	@Override
	public boolean fullState() {
		return true;
	}

	@Override
	public DeliveryOutcome deliver(InfluenceCustomer customer, DeliveryAttempt attempt) {
		return PlatformOutcomes.of(() -> this.client.customers().upsert(customer));
	}

}
