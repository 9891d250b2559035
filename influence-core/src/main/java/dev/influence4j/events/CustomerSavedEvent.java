package dev.influence4j.events;

import dev.influence4j.Require;
import dev.influence4j.platform.InfluenceCustomer;

/**
 * A customer signed up or changed their details. Influence.io enrols new customers so they can earn and
 * redeem; publish it on every registration and profile change.
 *
 * @param customer the customer's full current state
 */
public record CustomerSavedEvent(InfluenceCustomer customer) {

	public CustomerSavedEvent {
		Require.present(customer, "customer");
	}

}
