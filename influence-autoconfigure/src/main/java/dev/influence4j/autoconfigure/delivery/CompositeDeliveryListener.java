package dev.influence4j.autoconfigure.delivery;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.influence4j.delivery.DeliveryListener;
import dev.influence4j.delivery.OutboxEntry;

/**
 * Tells every {@link DeliveryListener} bean what the dispatcher does; one that fails never keeps the others
 * (or the dispatcher) from their work.
 */
final class CompositeDeliveryListener implements DeliveryListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeDeliveryListener.class);

	private final List<DeliveryListener> listeners;

	CompositeDeliveryListener(List<DeliveryListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void delivered(OutboxEntry entry, Duration took) {
		each((listener) -> listener.delivered(entry, took));
	}

	@Override
	public void retrying(OutboxEntry entry, String reason) {
		each((listener) -> listener.retrying(entry, reason));
	}

	@Override
	public void dead(OutboxEntry entry, String reason) {
		each((listener) -> listener.dead(entry, reason));
	}

	@Override
	public void paused(Duration pause) {
		each((listener) -> listener.paused(pause));
	}

	private void each(Consumer<DeliveryListener> call) {
		for (DeliveryListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Delivery listener {} failed", listener, ex);
			}
		}
	}

}
