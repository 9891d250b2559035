package dev.influence4j.autoconfigure.widget;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by an application's principal (for example its {@code UserDetails}) to tell the default
 * {@link InfluenceCustomerResolver} the customer's id and email:
 * <pre>{@code
 * public class ShopUser extends User implements InfluenceCustomerPrincipal {
 *     public String influenceCustomerId() { return String.valueOf(this.id); }
 *     public String influenceCustomerEmail() { return this.email; }
 * }
 * }</pre>
 * A principal that does not implement it is still recognised when it has public {@code getId()} and
 * {@code getEmail()} methods.
 */
public interface InfluenceCustomerPrincipal {

	/**
	 * The shop's stable id of the customer, the same one sent to Influence.io with the customer's orders.
	 * @return the id, or {@code null} when this principal is not a customer
	 */
	@Nullable String influenceCustomerId();

	/**
	 * The customer's email, in any case.
	 * @return the email, or {@code null} when this principal is not a customer
	 */
	@Nullable String influenceCustomerEmail();

}
