package dev.influence4j.autoconfigure.delivery;

import org.springframework.context.SmartLifecycle;

import dev.influence4j.delivery.OutboxDispatcher;

/**
 * Starts the dispatcher once the application context is refreshed and stops it gracefully on shutdown:
 * deliveries in progress finish (up to {@code influence.delivery.shutdown-timeout}) and claims are released,
 * while the web server has already stopped taking requests and before the {@code DataSource} closes.
 */
final class InfluenceDeliveryLifecycle implements SmartLifecycle {

	/**
	 * Below the web server's phases ({@code DEFAULT_PHASE - 1024} and {@code - 2048}): the dispatcher stops after
	 * the last request that could nudge it. Every lifecycle stops before any singleton, the DataSource included,
	 * is destroyed.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final OutboxDispatcher dispatcher;

	InfluenceDeliveryLifecycle(OutboxDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	public void start() {
		this.dispatcher.start();
	}

	@Override
	public void stop() {
		this.dispatcher.close();
	}

	@Override
	public boolean isRunning() {
		return this.dispatcher.isRunning();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
