package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of the attempts, for the delivery loop to write in batches: every delivered entry of a
 * round in one statement. An outcome that cannot be written (the database is away) is kept and written when the
 * database answers again, instead of the entry sitting on its claim until the lease expires. Entries that wait for
 * others are remembered, so that they are due again as soon as what they waited for is delivered.
 */
final class OutcomeRecorder {

	private static final Logger logger = LoggerFactory.getLogger(OutcomeRecorder.class);

	private final Outbox outbox;

	private final String node;

	private final DeliveryListener listener;

	private final Clock clock;

	private final Deque<Outcome> pending = new ArrayDeque<>();

	/** Entries this node rescheduled to wait for an entity, by that entity's key. */
	private final Map<String, Set<Long>> waitingFor = new HashMap<>();

	private @Nullable Instant failingSince;

	OutcomeRecorder(Outbox outbox, String node, DeliveryListener listener, Clock clock) {
		this.outbox = outbox;
		this.node = node;
		this.listener = listener;
		this.clock = clock;
	}

	synchronized void delivered(OutboxEntry entry, Duration took) {
		this.pending.add(new Outcome(entry, Kind.DELIVERED, null, null, false, took));
	}

	synchronized void reschedule(OutboxEntry entry, Instant at, @Nullable String error, boolean countAttempt) {
		this.pending.add(new Outcome(entry, Kind.RESCHEDULED, at, error, countAttempt, Duration.ZERO));
	}

	synchronized void waitFor(OutboxEntry entry, Set<String> keys, Instant until) {
		reschedule(entry, until, null, false);
		keys.forEach((key) -> this.waitingFor.computeIfAbsent(key, (any) -> new LinkedHashSet<>()).add(entry.id()));
	}

	synchronized void dead(OutboxEntry entry, String reason, boolean countAttempt) {
		this.pending.add(new Outcome(entry, Kind.DEAD, null, reason, countAttempt, Duration.ZERO));
	}

	synchronized void superseded(OutboxEntry entry) {
		this.pending.add(new Outcome(entry, Kind.SUPERSEDED, null, null, false, Duration.ZERO));
	}

	synchronized int size() {
		return this.pending.size();
	}

	/**
	 * Write every outcome recorded so far: the others one by one, then the delivered ones in one statement, then
	 * make the entries that waited for what was delivered due. Called by the delivery loop only.
	 * @return whether everything was written; otherwise what was not is kept for the next call
	 */
	boolean flush() {
		List<Outcome> batch;
		synchronized (this) {
			if (this.pending.isEmpty()) {
				return true;
			}
			batch = new ArrayList<>(this.pending);
		}
		Set<Outcome> written = Collections.newSetFromMap(new IdentityHashMap<>());
		try {
			List<OutboxEntry> delivered = new ArrayList<>();
			for (Outcome outcome : batch) {
				if (outcome.kind == Kind.DELIVERED) {
					delivered.add(outcome.entry);
				}
				else {
					writeOther(outcome);
					written.add(outcome);
				}
			}
			int recorded = this.outbox.markDelivered(delivered, this.node);
			if (recorded < delivered.size()) {
				logger.warn("Delivered {} entries whose claims had been taken over meanwhile; another node may send "
						+ "them again (as an update, safe to repeat)", delivered.size() - recorded);
			}
			drop(batch);
			wakeWaiters(batch);
			batch.stream().filter((outcome) -> outcome.kind == Kind.DELIVERED)
				.forEach((outcome) -> this.listener.delivered(outcome.entry, outcome.took));
			if (this.failingSince != null) {
				logger.info("influence4j recorded {} delivery outcomes it kept while the database was away ({})",
						batch.size(), Duration.between(this.failingSince, this.clock.instant()));
				this.failingSince = null;
			}
			return true;
		}
		catch (RuntimeException ex) {
			// What was written before the failure is not written again; the delivered statement comes last.
			drop(written);
			if (this.failingSince == null) {
				this.failingSince = this.clock.instant();
				logger.warn("influence4j could not record {} delivery outcomes; it keeps them and records them when the "
						+ "database answers again: {}", batch.size(), ex.toString());
			}
			return false;
		}
	}

	private void writeOther(Outcome outcome) {
		boolean held = switch (outcome.kind) {
			case RESCHEDULED -> this.outbox.reschedule(outcome.entry, this.node, outcome.at(), outcome.error,
					outcome.countAttempt);
			case DEAD -> this.outbox.markDead(outcome.entry, this.node, outcome.error(), outcome.countAttempt);
			case SUPERSEDED -> this.outbox.markSuperseded(outcome.entry, this.node);
			case DELIVERED -> throw new IllegalStateException("delivered outcomes are written together");
		};
		if (!held) {
			logger.debug("The claim of {} was taken over before its outcome ({}) could be recorded", outcome.entry,
					outcome.kind);
		}
		else if (outcome.kind == Kind.DEAD) {
			try (EntryObservations.AutoCloseableMdc mdc = EntryObservations.mdc(outcome.entry)) {
				logger.warn("influence4j gave up on {}: {}. It is kept as a dead letter and can be requeued.",
						outcome.entry, outcome.error);
			}
			this.listener.dead(outcome.entry, outcome.error());
		}
	}

	private synchronized void drop(Collection<Outcome> written) {
		Set<Outcome> drop = Collections.newSetFromMap(new IdentityHashMap<>());
		drop.addAll(written);
		this.pending.removeIf(drop::contains);
	}

	private void wakeWaiters(List<Outcome> written) {
		Set<Long> due = new LinkedHashSet<>();
		synchronized (this) {
			for (Outcome outcome : written) {
				if (outcome.kind == Kind.DELIVERED || outcome.kind == Kind.SUPERSEDED || outcome.kind == Kind.DEAD) {
					Set<Long> waiting = this.waitingFor.remove(outcome.entry.entityKey());
					if (waiting != null) {
						due.addAll(waiting);
					}
				}
			}
		}
		if (!due.isEmpty()) {
			this.outbox.dueNow(due);
		}
	}

	private enum Kind {

		DELIVERED, RESCHEDULED, DEAD, SUPERSEDED

	}

	private record Outcome(OutboxEntry entry, Kind kind, @Nullable Instant at, @Nullable String error,
			boolean countAttempt, Duration took) {

		@Override
		public Instant at() {
			if (this.at == null) {
				throw new IllegalStateException("a reschedule has a time");
			}
			return this.at;
		}

		@Override
		public String error() {
			return (this.error != null) ? this.error : "unknown";
		}

	}

}
