package dev.influence4j.platform;

import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.CursorPage;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * Customers on the Platform API, keyed by the shop's own customer id.
 */
public final class CustomerApi {

	/** Candidate names of the next-page cursor field; the real one is not published. */
	static final String[] CURSOR_FIELDS = { "cursor", "nextCursor", "next_cursor", "nextToken" };

	private final ApiTransport transport;

	CustomerApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Read a customer.
	 * @param customerId the shop's customer id
	 * @return the customer, or empty when Influence.io does not know it (404)
	 */
	public Optional<PlatformCustomer> get(String customerId) {
		Require.text(customerId, "customer id");
		return this.transport.find(ApiRequest.to(PlatformEndpoint.CUSTOMER_GET).withPath("customerId", customerId),
				(body) -> this.transport.readEnveloped(body, "customer", PlatformCustomer.class, PlatformEndpoint.CUSTOMER_GET.operation()));
	}

	/**
	 * Create the customer, or update it when it exists. Safe to repeat.
	 * @param customer the customer's current state
	 * @return the customer as Influence.io now holds it
	 */
	public PlatformCustomer upsert(InfluenceCustomer customer) {
		Require.present(customer, "customer");
		JsonNode body = this.transport.call(ApiRequest.to(PlatformEndpoint.CUSTOMER_UPSERT)
			.withPath("customerId", customer.customerId())
			.withBody(customer));
		return this.transport.readEnveloped(body, "customer", PlatformCustomer.class,
				PlatformEndpoint.CUSTOMER_UPSERT.operation());
	}

	/**
	 * One page of customers.
	 * @param query filters, ignored by Influence.io when a cursor is given
	 * @param cursor the cursor from the previous page, or {@code null} for the first page
	 * @return the page
	 */
	public CursorPage<PlatformCustomer> page(CustomerQuery query, @Nullable String cursor) {
		Require.present(query, "customer query");
		ApiRequest request = ApiRequest.to(PlatformEndpoint.CUSTOMERS_LIST);
		if (cursor != null) {
			request = request.withQuery("cursor", cursor);
		}
		else {
			request = request.withQuery("email", query.email())
				.withQuery("pointBalanceMin", plain(query.pointBalanceMin()))
				.withQuery("pointBalanceMax", plain(query.pointBalanceMax()))
				.withQuery("createdAtMin", query.createdAtMin())
				.withQuery("createdAtMax", query.createdAtMax())
				.withQuery("updatedAtMin", query.updatedAtMin())
				.withQuery("updatedAtMax", query.updatedAtMax())
				.withQuery("lastSeenAtMin", query.lastSeenAtMin())
				.withQuery("lastSeenAtMax", query.lastSeenAtMax());
		}
		JsonNode body = this.transport.call(request);
		return this.transport.readPage(body, "customers", PlatformCustomer.class,
				PlatformEndpoint.CUSTOMERS_LIST.operation(), CURSOR_FIELDS);
	}

	/**
	 * Every customer matching a query, as a lazy stream that fetches pages as it is consumed. Influence.io's
	 * list is stateless, so customers added or removed while streaming may be missed or seen twice.
	 * @param query filters
	 * @return the customers
	 */
	public Stream<PlatformCustomer> list(CustomerQuery query) {
		Require.present(query, "customer query");
		return CursorPage.stream(PlatformEndpoint.CUSTOMERS_LIST.operation(), (cursor) -> page(query, cursor));
	}


	private static @Nullable String plain(java.math.@Nullable BigDecimal value) {
		return (value != null) ? value.toPlainString() : null;
	}

}
