package dev.influence4j.autoconfigure.widget;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.influence4j.digest.CustomerIdentity;

/**
 * Tells who the logged-in customer of a request is, for the widget context. The default reads Spring
 * Security's principal (see {@link InfluenceCustomerPrincipal}); define a bean of this type to read the customer
 * from anywhere else.
 */
@FunctionalInterface
public interface InfluenceCustomerResolver {

	/**
	 * The logged-in customer.
	 * @param request the current request
	 * @return the customer's id and email, or empty for a guest (or a user who is not a customer). Must not
	 * throw: a page must render even when the customer cannot be told.
	 */
	Optional<CustomerIdentity> resolve(HttpServletRequest request);

}
