package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * The outbox in memory, for applications without a {@code DataSource}. Same semantics as
 * {@link JdbcOutbox} within one JVM, but <strong>not durable</strong>: whatever is not yet delivered is lost
 * when the JVM stops, and it cannot be shared by several nodes. It also does not join transactions: an entry
 * appended inside a transaction that later rolls back stays (the listeners append before commit, so this
 * only matters when the commit itself fails).
 */
public final class InMemoryOutbox implements Outbox {

	private final Clock clock;

	private final Map<Long, OutboxEntry> entries = new LinkedHashMap<>();

	private final Set<String> dedupKeys = new HashSet<>();

	private long nextId = 1;

	/**
	 * Create an empty outbox.
	 * @param clock the clock for due times and leases
	 */
	public InMemoryOutbox(Clock clock) {
		this.clock = Require.present(clock, "clock");
	}

	@Override
	public synchronized long append(NewOutboxEntry entry) {
		Require.present(entry, "outbox entry");
		if (entry.dedupKey() != null && !this.dedupKeys.add(entry.dedupKey())) {
			throw new IllegalStateException("an outbox entry with this dedup key exists");
		}
		Instant now = this.clock.instant();
		long id = this.nextId++;
		this.entries.put(id, new OutboxEntry(id, entry.kind(), entry.entityKey(), entry.dedupKey(), entry.payload(),
				DeliveryStatus.PENDING, 0, now, null, null, null, now, now, entry.priority()));
		return id;
	}

	@Override
	public synchronized boolean appendIfAbsent(NewOutboxEntry entry) {
		Require.text(entry.dedupKey(), "dedup key");
		if (this.dedupKeys.contains(entry.dedupKey())) {
			return false;
		}
		append(entry);
		return true;
	}

	@Override
	public synchronized List<OutboxEntry> claim(String node, int limit, Duration lease) {
		Instant now = this.clock.instant();
		Set<String> blocked = new HashSet<>();
		List<OutboxEntry> heads = new ArrayList<>();
		for (OutboxEntry entry : this.entries.values()) {
			boolean unfinished = entry.status() == DeliveryStatus.PENDING || entry.status() == DeliveryStatus.IN_FLIGHT;
			// Entries iterate in id order: the first unfinished entry of a key blocks the later ones.
			if (!unfinished || !blocked.add(entry.entityKey())) {
				continue;
			}
			if (entry.status() == DeliveryStatus.PENDING && !entry.nextAttemptAt().isAfter(now)) {
				heads.add(entry);
			}
		}
		heads.sort(Comparator.comparing(OutboxEntry::priority)
			.thenComparing(OutboxEntry::nextAttemptAt)
			.thenComparingLong(OutboxEntry::id));
		List<OutboxEntry> claimed = new ArrayList<>();
		for (OutboxEntry head : heads.subList(0, Math.min(limit, heads.size()))) {
			OutboxEntry taken = head.claimed(node, now.plus(lease), now);
			this.entries.put(head.id(), taken);
			claimed.add(taken);
		}
		return claimed;
	}

	@Override
	public synchronized int markDelivered(Collection<OutboxEntry> delivered, String node) {
		int recorded = 0;
		for (OutboxEntry entry : delivered) {
			if (finish(entry, node, (current) -> copy(current, DeliveryStatus.DELIVERED, 1, current.nextAttemptAt(),
					current.lastError(), null, null, this.clock.instant()))) {
				recorded++;
			}
		}
		return recorded;
	}

	@Override
	public synchronized int dueNow(Collection<Long> ids) {
		Instant now = this.clock.instant();
		int brought = 0;
		for (Long id : ids) {
			OutboxEntry entry = this.entries.get(id);
			if (entry != null && entry.status() == DeliveryStatus.PENDING && entry.nextAttemptAt().isAfter(now)) {
				this.entries.put(id, copy(entry, DeliveryStatus.PENDING, 0, now, entry.lastError(), null, null, now));
				brought++;
			}
		}
		return brought;
	}

	@Override
	public synchronized int renewLeases(String node, Duration lease) {
		Instant until = this.clock.instant().plus(lease);
		int renewed = 0;
		for (OutboxEntry entry : List.copyOf(this.entries.values())) {
			if (entry.status() == DeliveryStatus.IN_FLIGHT && node.equals(entry.claimedBy())) {
				this.entries.put(entry.id(), copy(entry, DeliveryStatus.IN_FLIGHT, 0, entry.nextAttemptAt(),
						entry.lastError(), node, until, entry.updatedAt()));
				renewed++;
			}
		}
		return renewed;
	}

	@Override
	public synchronized List<Takeover> takeOverExpired() {
		Instant now = this.clock.instant();
		Map<String, List<Long>> byNode = new LinkedHashMap<>();
		for (OutboxEntry entry : List.copyOf(this.entries.values())) {
			if (entry.status() == DeliveryStatus.IN_FLIGHT && entry.leaseUntil() != null
					&& entry.leaseUntil().isBefore(now)) {
				String node = String.valueOf(entry.claimedBy());
				byNode.computeIfAbsent(node, (key) -> new ArrayList<>()).add(entry.id());
				this.entries.put(entry.id(), copy(entry, DeliveryStatus.PENDING, 1, now,
						"taken over: the claim of node " + node + " expired during an attempt", null, null, now));
			}
		}
		return byNode.entrySet().stream().map((taken) -> new Takeover(taken.getKey(), taken.getValue())).toList();
	}

	@Override
	public boolean reschedule(OutboxEntry entry, String node, Instant nextAttemptAt, @Nullable String error,
			boolean countAttempt) {
		return finish(entry, node, (current) -> copy(current, DeliveryStatus.PENDING, countAttempt ? 1 : 0,
				nextAttemptAt, (error != null) ? JdbcOutbox.truncate(error) : current.lastError(), null, null,
				this.clock.instant()));
	}

	@Override
	public boolean markDead(OutboxEntry entry, String node, String error, boolean countAttempt) {
		return finish(entry, node, (current) -> copy(current, DeliveryStatus.DEAD, countAttempt ? 1 : 0,
				current.nextAttemptAt(), JdbcOutbox.truncate(error), null, null, this.clock.instant()));
	}

	@Override
	public boolean markSuperseded(OutboxEntry entry, String node) {
		return finish(entry, node, (current) -> copy(current, DeliveryStatus.SUPERSEDED, 0, current.nextAttemptAt(),
				current.lastError(), null, null, this.clock.instant()));
	}

	private synchronized boolean finish(OutboxEntry entry, String node, UnaryOperator<OutboxEntry> change) {
		OutboxEntry current = this.entries.get(entry.id());
		if (current == null || current.status() != DeliveryStatus.IN_FLIGHT || !node.equals(current.claimedBy())) {
			return false;
		}
		this.entries.put(entry.id(), change.apply(current));
		return true;
	}

	@Override
	public synchronized int releaseAll(String node) {
		Instant now = this.clock.instant();
		int released = 0;
		for (OutboxEntry entry : List.copyOf(this.entries.values())) {
			if (entry.status() == DeliveryStatus.IN_FLIGHT && node.equals(entry.claimedBy())) {
				this.entries.put(entry.id(), copy(entry, DeliveryStatus.PENDING, 0, now, entry.lastError(), null, null, now));
				released++;
			}
		}
		return released;
	}

	@Override
	public synchronized Map<String, Long> oldestUnfinished(Collection<String> entityKeys) {
		Map<String, Long> oldest = new HashMap<>();
		for (OutboxEntry entry : this.entries.values()) {
			if (entityKeys.contains(entry.entityKey())
					&& (entry.status() == DeliveryStatus.PENDING || entry.status() == DeliveryStatus.IN_FLIGHT)) {
				oldest.merge(entry.entityKey(), entry.id(), Math::min);
			}
		}
		return oldest;
	}

	@Override
	public synchronized boolean hasNewerDelivered(OutboxEntry entry) {
		return this.entries.values()
			.stream()
			.anyMatch((other) -> other.id() > entry.id() && other.entityKey().equals(entry.entityKey())
					&& other.status() == DeliveryStatus.DELIVERED);
	}

	@Override
	public synchronized int purge(Instant finishedBefore, Instant dedupBefore) {
		int purged = 0;
		for (OutboxEntry entry : List.copyOf(this.entries.values())) {
			boolean finished = entry.status() == DeliveryStatus.DELIVERED || entry.status() == DeliveryStatus.SUPERSEDED;
			Instant cutOff = (entry.dedupKey() != null) ? dedupBefore : finishedBefore;
			if (finished && entry.updatedAt().isBefore(cutOff)) {
				this.entries.remove(entry.id());
				if (entry.dedupKey() != null) {
					this.dedupKeys.remove(entry.dedupKey());
				}
				purged++;
			}
		}
		return purged;
	}

	@Override
	public synchronized long unfinished(EntryPriority priority) {
		return this.entries.values()
			.stream()
			.filter((entry) -> entry.priority() == priority
					&& (entry.status() == DeliveryStatus.PENDING || entry.status() == DeliveryStatus.IN_FLIGHT))
			.count();
	}

	@Override
	public synchronized long undelivered(String kind, EntryPriority priority, Instant since) {
		return this.entries.values()
			.stream()
			.filter((entry) -> entry.kind().equals(kind) && entry.priority() == priority
					&& !entry.createdAt().isBefore(since)
					&& (entry.status() == DeliveryStatus.PENDING || entry.status() == DeliveryStatus.IN_FLIGHT
							|| entry.status() == DeliveryStatus.DEAD))
			.count();
	}

	@Override
	public synchronized OutboxSummary summary() {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		this.entries.values().forEach((entry) -> counts.merge(entry.status(), 1L, Long::sum));
		Instant oldest = this.entries.values()
			.stream()
			.filter((entry) -> entry.status() == DeliveryStatus.PENDING || entry.status() == DeliveryStatus.IN_FLIGHT)
			.map(OutboxEntry::createdAt)
			.min(Instant::compareTo)
			.orElse(null);
		return new OutboxSummary(counts, oldest, this.clock.instant());
	}

	@Override
	public synchronized List<OutboxEntry> deadLetters(@Nullable String kind, int offset, int limit) {
		return this.entries.values()
			.stream()
			.filter((entry) -> entry.status() == DeliveryStatus.DEAD && (kind == null || kind.equals(entry.kind())))
			.skip(offset)
			.limit(limit)
			.toList();
	}

	@Override
	public synchronized Optional<OutboxEntry> find(long id) {
		return Optional.ofNullable(this.entries.get(id));
	}

	@Override
	public synchronized boolean requeue(long id) {
		OutboxEntry entry = this.entries.get(id);
		if (entry == null || entry.status() != DeliveryStatus.DEAD) {
			return false;
		}
		Instant now = this.clock.instant();
		this.entries.put(id, new OutboxEntry(id, entry.kind(), entry.entityKey(), entry.dedupKey(), entry.payload(),
				DeliveryStatus.PENDING, 0, now, entry.lastError(), null, null, now, now, entry.priority()));
		return true;
	}

	@Override
	public synchronized int requeueAllDead(@Nullable String kind) {
		int requeued = 0;
		for (OutboxEntry entry : List.copyOf(this.entries.values())) {
			if (entry.status() == DeliveryStatus.DEAD && (kind == null || kind.equals(entry.kind()))
					&& requeue(entry.id())) {
				requeued++;
			}
		}
		return requeued;
	}

	@Override
	public synchronized int bringForward() {
		Instant now = this.clock.instant();
		int brought = 0;
		for (OutboxEntry entry : List.copyOf(this.entries.values())) {
			if (entry.status() == DeliveryStatus.PENDING && entry.nextAttemptAt().isAfter(now) && entry.lastError() != null) {
				this.entries.put(entry.id(), copy(entry, DeliveryStatus.PENDING, 0, now, entry.lastError(), null, null, now));
				brought++;
			}
		}
		return brought;
	}

	private static OutboxEntry copy(OutboxEntry entry, DeliveryStatus status, int addAttempts, Instant nextAttemptAt,
			@Nullable String lastError, @Nullable String claimedBy, @Nullable Instant leaseUntil, Instant updatedAt) {
		return new OutboxEntry(entry.id(), entry.kind(), entry.entityKey(), entry.dedupKey(), entry.payload(), status,
				entry.attempts() + addAttempts, nextAttemptAt, lastError, claimedBy, leaseUntil, entry.createdAt(),
				updatedAt, entry.priority());
	}

	@Override
	public String toString() {
		return "InMemoryOutbox";
	}

}
