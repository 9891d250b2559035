package dev.influence4j.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.influence4j.Require;

/**
 * The outbox in a relational database, through Spring's {@link JdbcClient}. {@link #append} joins the
 * caller's transaction on the same {@link DataSource} (whether managed by a JDBC or a JPA transaction
 * manager); the dispatcher's operations run in short transactions of their own.
 * <p>
 * Claims use {@code FOR UPDATE SKIP LOCKED} on PostgreSQL (one statement for a batch), H2, MySQL and MariaDB,
 * so several nodes claim disjoint entries without waiting for each other; on other databases a conditional
 * update of the status and lease columns decides which node wins an entry. Only the oldest unfinished entry of
 * each key is claimable. A claim reads pending, due entries in claim order through the (status, priority,
 * next_attempt_at, id) index, checks each with one probe of the (entity_key, id) index, and stops when it has
 * its batch. What it reads is not bounded by the batch: due entries queued behind an unfinished entry of their
 * key (a hot key with one in flight, a key whose oldest entry waits on backoff or for its dependencies) are
 * read and probed again on every claim, and when fewer entries are claimable than asked for, every due
 * candidate is read (on H2 the scan also walks the pending entries that are not due).
 * <p>
 * Why it is long: it is one concept, the outbox table, and holds every statement that touches it (schema,
 * append, the claim strategies, finishes, leases, operations). Keeping the SQL of one table in one file keeps its
 * locking rules readable side by side; the claim strategies differ by database only in a few statements, chosen
 * by {@link DatabasePlatform}.
 */
public final class JdbcOutbox implements Outbox {

	/** The default table name prefix: tables are {@code influence_outbox}. */
	public static final String DEFAULT_TABLE_PREFIX = "influence_";

	private static final Logger logger = LoggerFactory.getLogger(JdbcOutbox.class);

	/** Attempts at creating the schema when another node creates it at the same moment. */
	private static final int SCHEMA_ATTEMPTS = 3;

	private static final String UNFINISHED = "('PENDING', 'IN_FLIGHT')";

	/** The order due heads are claimed in: live before backfill, then soonest due (columns prefixed with %s). */
	private static final String CLAIM_ORDER = "%1$spriority, %1$snext_attempt_at, %1$sid";

	/**
	 * Pending, due, and the oldest unfinished entry of its key. The candidates are read in claim order through
	 * the (status, priority, next_attempt_at, id) index and each is checked with one probe of the (entity_key, id)
	 * index.
	 */
	private static final String DUE_HEAD = "o.status = 'PENDING' AND o.next_attempt_at <= :now AND NOT EXISTS "
			+ "(SELECT 1 FROM %1$s p WHERE p.entity_key = o.entity_key AND p.id < o.id AND p.status IN " + UNFINISHED
			+ ")";

	private static final String CLAIM_SET = "status = 'IN_FLIGHT', claimed_by = :node, lease_until = :lease, "
			+ "updated_at = :now";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final DatabasePlatform platform;

	private final String table;

	private final String tablePrefix;

	/** The last lease value this outbox wrote, so that each claim's is unique. */
	private long lastLease;

	private final Clock clock;

	/**
	 * Create an outbox on a data source.
	 * @param dataSource the shop's data source
	 * @param platform the database, see {@link DatabasePlatform#of(DataSource)}
	 * @param tablePrefix prefix of the table name (letters, digits and underscores)
	 * @param clock the clock for due times and leases
	 */
	public JdbcOutbox(DataSource dataSource, DatabasePlatform platform, String tablePrefix, Clock clock) {
		this.dataSource = Require.present(dataSource, "data source");
		this.platform = Require.present(platform, "database platform");
		Require.present(tablePrefix, "table prefix");
		if (!tablePrefix.matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
			throw new IllegalArgumentException("table prefix must be letters, digits and underscores, starting with a "
					+ "letter or underscore, but was '" + tablePrefix + "'");
		}
		this.tablePrefix = tablePrefix;
		this.table = tablePrefix + "outbox";
		this.clock = Require.present(clock, "clock");
		this.jdbc = JdbcClient.create(dataSource);
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Create an outbox with the default table prefix and the system clock, recognising the database.
	 * @param dataSource the shop's data source
	 * @return the outbox
	 */
	public static JdbcOutbox of(DataSource dataSource) {
		return new JdbcOutbox(dataSource, DatabasePlatform.of(dataSource), DEFAULT_TABLE_PREFIX, Clock.systemUTC());
	}

	/**
	 * The database this outbox runs on.
	 * @return the platform
	 */
	public DatabasePlatform platform() {
		return this.platform;
	}

	/**
	 * Create the table and its indexes if they do not exist, from the schema file shipped for the database
	 * ({@code dev/influence4j/delivery/schema-*.sql} in this jar, with the table prefix applied).
	 * @throws IllegalStateException on a database influence4j has no schema file for
	 */
	public void initializeSchema() {
		String resource = this.platform.schemaResource();
		if (resource == null) {
			throw new IllegalStateException("influence4j ships no outbox schema for this database: create table "
					+ this.table + " yourself (see schema-postgresql.sql in influence-core for its columns) and "
					+ "switch schema initialization off");
		}
		// Before the script: its index on the priority column needs the column.
		addColumnsToOlderTables();
		ResourceDatabasePopulator script = new ResourceDatabasePopulator(schemaScript(resource));
		script.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
		// Several nodes may start at once on an empty database, and CREATE ... IF NOT EXISTS does not protect
		// against a creator that has not committed yet (on PostgreSQL the second fails on a catalog index, on
		// H2 on an index). On PostgreSQL, DDL is transactional: one advisory lock held by the transaction makes
		// the nodes create the schema one after the other. Elsewhere, the script is run again after such a
		// failure, when the other node's objects exist and IF NOT EXISTS skips them.
		for (int attempt = 1;; attempt++) {
			try {
				this.ownTransaction.executeWithoutResult((status) -> {
					if (this.platform == DatabasePlatform.POSTGRESQL) {
						this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:name))")
							.param("name", "influence4j schema " + this.table)
							.query((RowCallbackHandler) (row) -> {
							});
					}
					// On the transaction's connection, so under the advisory lock.
					DatabasePopulatorUtils.execute(script, this.dataSource);
				});
				return;
			}
			catch (DataAccessException ex) {
				if (attempt == SCHEMA_ATTEMPTS) {
					throw ex;
				}
				logger.debug("Creating the outbox schema failed, probably because another node created it at the "
						+ "same moment; trying again", ex);
			}
		}
	}

	/**
	 * Tables created by an earlier snapshot get the columns added since ({@code CREATE TABLE IF NOT EXISTS} leaves
	 * an existing table as it is): the outbox's {@code priority}, the backfill table's {@code waited_millis}.
	 */
	private void addColumnsToOlderTables() {
		addColumnToAnOlderTable(this.table, "priority", "SMALLINT DEFAULT 0 NOT NULL");
		addColumnToAnOlderTable(this.tablePrefix + "backfill", "waited_millis", "BIGINT DEFAULT 0 NOT NULL");
	}

	private void addColumnToAnOlderTable(String table, String column, String definition) {
		if (!succeeds("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0")) {
			return;
		}
		if (!succeeds("SELECT " + column + " FROM " + table + " WHERE 1 = 0")) {
			logger.info("Adding the {} column to the table {}", column, table);
			try {
				this.ownTransaction.executeWithoutResult((status) -> this.jdbc
					.sql("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition)
					.update());
			}
			catch (DataAccessException ex) {
				// Another node starting at the same moment may have added it.
				if (!succeeds("SELECT " + column + " FROM " + table + " WHERE 1 = 0")) {
					throw ex;
				}
			}
		}
	}

	private boolean succeeds(String query) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql(query).query((RowCallbackHandler) (row) -> {
			}));
			return true;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	/** The schema file shipped for the database, with this outbox's table prefix. */
	private Resource schemaScript(String name) {
		ClassPathResource file = new ClassPathResource(name, JdbcOutbox.class);
		try {
			String script = file.getContentAsString(StandardCharsets.UTF_8)
				.replace(DEFAULT_TABLE_PREFIX, this.tablePrefix);
			return new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8), file.getPath());
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not read schema file " + name + " from influence-core", ex);
		}
	}

	@Override
	public long append(NewOutboxEntry entry) {
		Require.present(entry, "outbox entry");
		long now = now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO " + this.table + " (kind, entity_key, dedup_key, payload, status, attempts, "
				+ "next_attempt_at, created_at, updated_at, priority) VALUES (:kind, :key, :dedup, :payload, 'PENDING', 0, "
				+ ":now, :now, :now, :priority)")
			.param("priority", entry.priority().stored())
			.param("kind", entry.kind())
			.param("key", entry.entityKey())
			.param("dedup", entry.dedupKey())
			.param("payload", entry.payload())
			.param("now", now)
			.update(keys, "id");
		Number id = keys.getKey();
		if (id == null) {
			throw new IllegalStateException("the database returned no id for the new outbox entry");
		}
		return id.longValue();
	}

	@Override
	public boolean appendIfAbsent(NewOutboxEntry entry) {
		Require.text(entry.dedupKey(), "dedup key");
		try {
			this.ownTransaction.executeWithoutResult((status) -> append(entry));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public List<OutboxEntry> claim(String node, int limit, Duration lease) {
		Require.text(node, "node");
		Require.positive(limit, "claim limit");
		List<OutboxEntry> claimed = this.ownTransaction.execute((status) -> {
			long now = now();
			long leaseUntil = nextLease(now + lease.toMillis());
			if (this.platform == DatabasePlatform.POSTGRESQL) {
				return claimInOneStatement(node, limit, now, leaseUntil);
			}
			List<Long> heads = dueHeads(now, this.platform.skipLocked() ? limit * 2 : limit);
			if (heads.isEmpty()) {
				return List.<OutboxEntry>of();
			}
			return this.platform.skipLocked() ? lockAndClaim(heads, node, limit, now, leaseUntil)
					: claimByLease(heads, node, now, leaseUntil);
		});
		return (claimed != null) ? claimed : List.of();
	}

	/**
	 * A lease value this node has not used: the lease-based claim finds its rows by it.
	 */
	private synchronized long nextLease(long leaseUntil) {
		this.lastLease = Math.max(leaseUntil, this.lastLease + 1);
		return this.lastLease;
	}

	/** PostgreSQL: select, lock and claim a batch in one statement, as db-scheduler does. */
	private List<OutboxEntry> claimInOneStatement(String node, int limit, long now, long leaseUntil) {
		return this.jdbc.sql("UPDATE " + this.table + " SET " + CLAIM_SET + " WHERE id IN (SELECT o.id FROM "
				+ this.table + " o WHERE " + DUE_HEAD.formatted(this.table) + " ORDER BY " + CLAIM_ORDER.formatted("o.")
				+ " LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING *")
			.param("node", node)
			.param("lease", leaseUntil)
			.param("now", now)
			.param("limit", limit)
			.query(this::entry)
			.list();
	}

	/**
	 * Due heads, soonest due first, read without locks: where the head check cannot be part of the locking read
	 * (a locking read skipping a locked older entry would take its successor for a head).
	 */
	private List<Long> dueHeads(long now, int limit) {
		return this.jdbc.sql("SELECT o.id FROM " + this.table + " o WHERE " + DUE_HEAD.formatted(this.table)
				+ " ORDER BY " + CLAIM_ORDER.formatted("o.") + " " + this.platform.limit(":limit"))
			.param("now", now)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	private List<OutboxEntry> lockAndClaim(List<Long> heads, String node, int limit, long now, long leaseUntil) {
		// Statuses only move forward (but for a requeue), so a head read above is still the head of its key
		// when it can be locked and is still pending and due.
		List<OutboxEntry> locked = this.jdbc.sql("SELECT * FROM " + this.table + " WHERE id IN (:ids) AND status = "
				+ "'PENDING' AND next_attempt_at <= :now ORDER BY " + CLAIM_ORDER.formatted("")
				+ " LIMIT :limit FOR UPDATE SKIP LOCKED")
			.param("ids", heads)
			.param("now", now)
			.param("limit", limit)
			.query(this::entry)
			.list();
		if (locked.isEmpty()) {
			return locked;
		}
		this.jdbc.sql("UPDATE " + this.table + " SET " + CLAIM_SET + " WHERE id IN (:ids)")
			.param("node", node)
			.param("lease", leaseUntil)
			.param("now", now)
			.param("ids", locked.stream().map(OutboxEntry::id).toList())
			.update();
		Instant lease = Instant.ofEpochMilli(leaseUntil);
		Instant updated = Instant.ofEpochMilli(now);
		return locked.stream().map((entry) -> entry.claimed(node, lease, updated)).toList();
	}

	private List<OutboxEntry> claimByLease(List<Long> heads, String node, long now, long leaseUntil) {
		this.jdbc.sql("UPDATE " + this.table + " SET " + CLAIM_SET + " WHERE id IN (:ids) AND status = 'PENDING' AND "
				+ "next_attempt_at <= :now")
			.param("node", node)
			.param("lease", leaseUntil)
			.param("now", now)
			.param("ids", heads)
			.update();
		return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE id IN (:ids) AND status = 'IN_FLIGHT' AND "
				+ "claimed_by = :node AND lease_until = :lease ORDER BY " + CLAIM_ORDER.formatted(""))
			.param("ids", heads)
			.param("node", node)
			.param("lease", leaseUntil)
			.query(this::entry)
			.list();
	}

	@Override
	public int markDelivered(Collection<OutboxEntry> entries, String node) {
		if (entries.isEmpty()) {
			return 0;
		}
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET status = 'DELIVERED', attempts = attempts + 1, "
				+ "claimed_by = NULL, lease_until = NULL, updated_at = :now WHERE id IN (:ids) AND status = 'IN_FLIGHT' "
				+ "AND claimed_by = :node")
			.param("now", now())
			.param("ids", entries.stream().map(OutboxEntry::id).toList())
			.param("node", node));
	}

	@Override
	public int dueNow(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		long now = now();
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET next_attempt_at = :now, updated_at = :now WHERE "
				+ "id IN (:ids) AND status = 'PENDING' AND next_attempt_at > :now")
			.param("now", now)
			.param("ids", List.copyOf(ids)));
	}

	@Override
	public int renewLeases(String node, Duration lease) {
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET lease_until = :lease WHERE status = 'IN_FLIGHT' "
				+ "AND claimed_by = :node")
			.param("lease", nextLease(now() + lease.toMillis()))
			.param("node", node));
	}

	@Override
	public List<Takeover> takeOverExpired() {
		List<Takeover> takeovers = this.ownTransaction.execute((status) -> {
			long now = now();
			String lock = this.platform.skipLocked() ? " FOR UPDATE SKIP LOCKED" : "";
			Map<String, List<Long>> byNode = new LinkedHashMap<>();
			this.jdbc.sql("SELECT id, claimed_by FROM " + this.table + " WHERE status = 'IN_FLIGHT' AND lease_until < :now"
					+ " ORDER BY id" + lock)
				.param("now", now)
				.query((rs) -> {
					byNode.computeIfAbsent(String.valueOf(rs.getString("claimed_by")), (node) -> new ArrayList<>())
						.add(rs.getLong("id"));
				});
			List<Takeover> taken = new ArrayList<>();
			byNode.forEach((node, ids) -> {
				// The attempt in progress when the node stopped has an unknown outcome: it counts.
				int updated = this.jdbc.sql("UPDATE " + this.table + " SET status = 'PENDING', attempts = attempts + 1, "
						+ "next_attempt_at = :now, claimed_by = NULL, lease_until = NULL, last_error = :error, "
						+ "updated_at = :now WHERE id IN (:ids) AND status = 'IN_FLIGHT' AND lease_until < :now")
					.param("now", now)
					.param("error", truncate("taken over: the claim of node " + node + " expired during an attempt"))
					.param("ids", ids)
					.update();
				if (updated > 0) {
					taken.add(new Takeover(node, ids));
				}
			});
			return taken;
		});
		return (takeovers != null) ? takeovers : List.of();
	}

	@Override
	public boolean markDead(OutboxEntry entry, String node, String error, boolean countAttempt) {
		return finish(entry, node, DeliveryStatus.DEAD, null, error, countAttempt);
	}

	@Override
	public boolean markSuperseded(OutboxEntry entry, String node) {
		return finish(entry, node, DeliveryStatus.SUPERSEDED, null, null, false);
	}

	@Override
	public boolean reschedule(OutboxEntry entry, String node, Instant nextAttemptAt, @Nullable String error,
			boolean countAttempt) {
		return finish(entry, node, DeliveryStatus.PENDING, nextAttemptAt, error, countAttempt);
	}

	/**
	 * End a claim: only the node holding it can, so a node whose lease expired cannot overwrite the outcome
	 * recorded by the node that took the entry over.
	 */
	private boolean finish(OutboxEntry entry, String node, DeliveryStatus status, @Nullable Instant nextAttemptAt,
			@Nullable String error, boolean countAttempt) {
		String setNext = (nextAttemptAt != null) ? ", next_attempt_at = :next" : "";
		String setError = (error != null) ? ", last_error = :error" : "";
		var statement = this.jdbc.sql("UPDATE " + this.table + " SET status = :status, attempts = attempts + :count"
				+ setNext + setError + ", claimed_by = NULL, lease_until = NULL, updated_at = :now WHERE id = :id AND "
				+ "status = 'IN_FLIGHT' AND claimed_by = :node")
			.param("status", status.name())
			.param("count", countAttempt ? 1 : 0)
			.param("now", now())
			.param("id", entry.id())
			.param("node", node);
		if (nextAttemptAt != null) {
			statement = statement.param("next", nextAttemptAt.toEpochMilli());
		}
		if (error != null) {
			statement = statement.param("error", truncate(error));
		}
		return ownUpdate(statement) == 1;
	}

	@Override
	public int releaseAll(String node) {
		long now = now();
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET status = 'PENDING', claimed_by = NULL, "
				+ "lease_until = NULL, next_attempt_at = :now, updated_at = :now WHERE status = 'IN_FLIGHT' AND "
				+ "claimed_by = :node")
			.param("now", now)
			.param("node", node));
	}

	@Override
	public Map<String, Long> oldestUnfinished(Collection<String> entityKeys) {
		if (entityKeys.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> oldest = new HashMap<>();
		this.jdbc.sql("SELECT entity_key, MIN(id) AS oldest FROM " + this.table + " WHERE entity_key IN (:keys) AND "
				+ "status IN " + UNFINISHED + " GROUP BY entity_key")
			.param("keys", List.copyOf(entityKeys))
			.query((rs) -> {
				oldest.put(rs.getString("entity_key"), rs.getLong("oldest"));
			});
		return oldest;
	}

	@Override
	public boolean hasNewerDelivered(OutboxEntry entry) {
		Long count = this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE entity_key = :key AND id > :id AND "
				+ "status = 'DELIVERED'")
			.param("key", entry.entityKey())
			.param("id", entry.id())
			.query(Long.class)
			.single();
		return count > 0;
	}

	@Override
	public int purge(Instant finishedBefore, Instant dedupBefore) {
		return ownUpdate(this.jdbc.sql("DELETE FROM " + this.table + " WHERE status IN ('DELIVERED', 'SUPERSEDED') AND "
				+ "((dedup_key IS NULL AND updated_at < :finished) OR (dedup_key IS NOT NULL AND updated_at < :dedup))")
			.param("finished", finishedBefore.toEpochMilli())
			.param("dedup", dedupBefore.toEpochMilli()));
	}

	@Override
	public long unfinished(EntryPriority priority) {
		Long count = this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE status IN " + UNFINISHED
				+ " AND priority = :priority")
			.param("priority", priority.stored())
			.query(Long.class)
			.single();
		return (count != null) ? count : 0;
	}

	@Override
	public long undelivered(String kind, EntryPriority priority, Instant since) {
		Long count = this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE status IN ('PENDING', 'IN_FLIGHT', "
				+ "'DEAD') AND priority = :priority AND kind = :kind AND created_at >= :since")
			.param("priority", priority.stored())
			.param("kind", kind)
			.param("since", since.toEpochMilli())
			.query(Long.class)
			.single();
		return (count != null) ? count : 0;
	}

	@Override
	public OutboxSummary summary() {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		long[] oldest = { Long.MAX_VALUE };
		Instant at = this.clock.instant();
		this.jdbc.sql("SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM " + this.table + " GROUP BY status")
			.query((rs) -> {
				DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
				counts.put(status, rs.getLong("n"));
				if (status == DeliveryStatus.PENDING || status == DeliveryStatus.IN_FLIGHT) {
					oldest[0] = Math.min(oldest[0], rs.getLong("oldest"));
				}
			});
		return new OutboxSummary(counts, (oldest[0] != Long.MAX_VALUE) ? Instant.ofEpochMilli(oldest[0]) : null, at);
	}

	@Override
	public List<OutboxEntry> deadLetters(@Nullable String kind, int offset, int limit) {
		Require.notNegative(offset, "offset");
		Require.positive(limit, "limit");
		String page = this.platform.skipLocked() ? " LIMIT :limit OFFSET :offset"
				: " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";
		String ofKind = (kind != null) ? " AND kind = :kind" : "";
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("SELECT * FROM " + this.table + " WHERE status = 'DEAD'" + ofKind + " ORDER BY id" + page)
			.param("limit", limit)
			.param("offset", offset);
		if (kind != null) {
			statement = statement.param("kind", kind);
		}
		return statement.query(this::entry).list();
	}

	@Override
	public Optional<OutboxEntry> find(long id) {
		return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE id = :id").param("id", id).query(this::entry).optional();
	}

	@Override
	public boolean requeue(long id) {
		long now = now();
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET status = 'PENDING', attempts = 0, "
				+ "next_attempt_at = :now, created_at = :now, updated_at = :now WHERE id = :id AND status = 'DEAD'")
			.param("now", now)
			.param("id", id)) == 1;
	}

	@Override
	public int requeueAllDead(@Nullable String kind) {
		long now = now();
		String ofKind = (kind != null) ? " AND kind = :kind" : "";
		JdbcClient.StatementSpec statement = this.jdbc.sql("UPDATE " + this.table + " SET status = 'PENDING', "
				+ "attempts = 0, next_attempt_at = :now, created_at = :now, updated_at = :now WHERE status = 'DEAD'" + ofKind)
			.param("now", now);
		if (kind != null) {
			statement = statement.param("kind", kind);
		}
		return ownUpdate(statement);
	}

	@Override
	public int bringForward() {
		long now = now();
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET next_attempt_at = :now, updated_at = :now WHERE "
				+ "status = 'PENDING' AND next_attempt_at > :now AND last_error IS NOT NULL")
			.param("now", now));
	}

	private int ownUpdate(JdbcClient.StatementSpec statement) {
		Integer updated = this.ownTransaction.execute((status) -> statement.update());
		return (updated != null) ? updated : 0;
	}

	private OutboxEntry entry(ResultSet rs, int row) throws SQLException {
		return new OutboxEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("entity_key"),
				rs.getString("dedup_key"), rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
				rs.getString("claimed_by"), instantOrNull(rs, "lease_until"),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
				EntryPriority.ofStored(rs.getInt("priority")));
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(value);
	}

	private long now() {
		return this.clock.millis();
	}

	static String truncate(String error) {
		return (error.length() > 2000) ? error.substring(0, 1997) + "..." : error;
	}

	@Override
	public String toString() {
		return "JdbcOutbox[table=" + this.table + ", platform=" + this.platform + "]";
	}

}
