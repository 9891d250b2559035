package dev.influence4j.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.InfluenceClientException;
import dev.influence4j.http.InfluenceNotFoundException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.InfluenceTransientException;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * Orders, written so that no retry can create a second order (and award points twice).
 * <p>
 * Influence.io documents no idempotency for {@code POST /v1/orders}. So after any attempt whose outcome
 * is unknown (a timeout, a lost connection, a 5xx after the request was sent) the next attempt updates
 * ({@code PATCH}) and creates ({@code POST}) only if the update answers 404. A {@code POST} answered
 * "already exists" (409, or a 400/422 whose message says the order exists) turns into the update.
 */
public final class OrderApi {

	private static final Logger logger = LoggerFactory.getLogger(OrderApi.class);

	private final ApiTransport transport;

	OrderApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create an order that is believed not to exist yet. If it does exist, or an earlier attempt's outcome
	 * is unknown, it is updated instead.
	 * @param order the order's full current state
	 * @return whether it was created or updated
	 */
	public OrderWriteOutcome create(InfluenceOrder order) {
		return write(order, true);
	}

	/**
	 * Send an order's full current state: update it, or create it when Influence.io does not have it.
	 * Use this for every change after the first send and whenever it is unknown whether the order was
	 * created.
	 * @param order the order's full current state
	 * @return whether it was created or updated
	 */
	public OrderWriteOutcome upsert(InfluenceOrder order) {
		return write(order, false);
	}

	/**
	 * Update an order that must exist.
	 * @param order the order's full current state
	 * @throws InfluenceNotFoundException when Influence.io does not have the order
	 */
	public void update(InfluenceOrder order) {
		Require.present(order, "order");
		this.transport.call(patch(order));
	}

	/**
	 * Read an order.
	 * @param orderId the shop's order id
	 * @return the order, or empty when Influence.io does not have it
	 */
	public Optional<PlatformOrder> get(String orderId) {
		Require.text(orderId, "order id");
		return this.transport.find(ApiRequest.to(PlatformEndpoint.ORDER_GET).withPath("orderId", orderId),
				(body) -> this.transport.readEnvelopedOrBare(body, "order", PlatformOrder.class, PlatformEndpoint.ORDER_GET.operation()));
	}

	private OrderWriteOutcome write(InfluenceOrder order, boolean createFirst) {
		Require.present(order, "order");
		WriteState state = new WriteState(createFirst);
		// Retrying is safe here because every attempt after an unknown outcome is an update.
		return this.transport.callInAttempts((send) -> attempt(order, state, send));
	}

	private OrderWriteOutcome attempt(InfluenceOrder order, WriteState state, Function<ApiRequest, JsonNode> send) {
		// Create and update can hand over to each other at most twice in one attempt (create says it exists,
		// update says it does not): more than that means Influence.io contradicts itself.
		for (int step = 0; step < 3; step++) {
			if (state.createNext) {
				try {
					send.apply(post(order));
					return OrderWriteOutcome.CREATED;
				}
				catch (InfluenceTransientException ex) {
					if (ex.outcomeUnknown()) {
						logger.debug("Outcome of creating order unknown ({}); the next attempt updates it", ex.reason());
						state.createNext = false;
					}
					throw ex;
				}
				catch (InfluenceClientException ex) {
					if (!alreadyExists(ex)) {
						throw ex;
					}
					state.createNext = false;
				}
			}
			else {
				try {
					send.apply(patch(order));
					return OrderWriteOutcome.UPDATED;
				}
				catch (InfluenceNotFoundException ex) {
					state.createNext = true;
				}
			}
		}
		throw new InfluenceResponseException(PlatformEndpoint.ORDER_CREATE.operation(), 0,
				"Influence.io answered both that the order exists and that it does not", null);
	}

	private static ApiRequest post(InfluenceOrder order) {
		return ApiRequest.to(PlatformEndpoint.ORDER_CREATE).withBody(order);
	}

	private static ApiRequest patch(InfluenceOrder order) {
		return ApiRequest.to(PlatformEndpoint.ORDER_UPDATE).withPath("orderId", order.orderId()).withBody(order);
	}

	/**
	 * Whether a rejected create means the order already exists. Influence.io does not document how it
	 * answers a duplicate; this assumption is kept here, in one place: 409, or 400/422 whose message
	 * mentions that the order exists or is a duplicate.
	 * @param ex the rejection
	 * @return whether the order exists
	 */
	static boolean alreadyExists(InfluenceClientException ex) {
		if (ex.status() == 409) {
			return true;
		}
		String message = (ex.vendorMessage() != null) ? ex.vendorMessage().toLowerCase(Locale.ROOT) : "";
		return (ex.status() == 400 || ex.status() == 422)
				&& (message.contains("already exists") || message.contains("duplicate"));
	}

	private static final class WriteState {

		private boolean createNext;

		WriteState(boolean createNext) {
			this.createNext = createNext;
		}

	}

}
