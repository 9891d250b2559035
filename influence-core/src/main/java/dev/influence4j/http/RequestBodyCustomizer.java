package dev.influence4j.http;

import tools.jackson.databind.node.ObjectNode;

/**
 * Adjusts the JSON body of an outgoing request after influence4j has written it, just before it is sent.
 * This is the escape hatch for provisional wire names: if Influence.io turns out to expect another field
 * name or shape, rename or reshape the field here instead of forking the library.
 * <pre>{@code
 * RequestBodyCustomizer renameTotal = (endpoint, body) -> {
 *     if (endpoint == PlatformEndpoint.ORDER_CREATE || endpoint == PlatformEndpoint.ORDER_UPDATE) {
 *         body.set("total", body.remove("totalPrice"));
 *     }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface RequestBodyCustomizer {

	/**
	 * Adjust the body in place.
	 * @param endpoint the endpoint the body is sent to
	 * @param body the JSON body as influence4j wrote it
	 */
	void customize(ApiEndpoint endpoint, ObjectNode body);

}
