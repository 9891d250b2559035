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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * Claims use {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, H2, MySQL and MariaDB, so several nodes claim
 * disjoint entries without waiting for each other; on other databases a conditional update of the
 * status and lease columns decides which node wins an entry.
 */
public final class JdbcOutbox implements Outbox {

	/** The default table name prefix: tables are {@code influence_outbox}. */
	public static final String DEFAULT_TABLE_PREFIX = "influence_";

	private static final Logger logger = LoggerFactory.getLogger(JdbcOutbox.class);

	/** Attempts at creating the schema when another node creates it at the same moment. */
	private static final int SCHEMA_ATTEMPTS = 3;

	private static final String UNFINISHED = "('PENDING', 'IN_FLIGHT')";

	/** Claimable: pending and due, or in flight under an expired lease (its node stopped). */
	private static final String DUE = "((status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'IN_FLIGHT' AND "
			+ "lease_until < :now))";

	/**
	 * Taking over an expired claim means the previous node stopped mid-attempt: that attempt's outcome is
	 * unknown, and counting it lets handlers (orders) switch to their safe-to-repeat path. First in the SET
	 * list because MySQL evaluates assignments left to right.
	 */
	private static final String TAKEOVER_COUNTS_AS_ATTEMPT = "attempts = attempts + CASE WHEN status = 'IN_FLIGHT' "
			+ "THEN 1 ELSE 0 END";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final DatabasePlatform platform;

	private final String table;

	private final String tablePrefix;

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
				+ "next_attempt_at, created_at, updated_at) VALUES (:kind, :key, :dedup, :payload, 'PENDING', 0, :now, "
				+ ":now, :now)")
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
			long leaseUntil = now + lease.toMillis();
			List<Long> ids = this.platform.skipLocked() ? lockDue(now, limit) : claimByLease(now, limit, node, leaseUntil);
			if (ids.isEmpty()) {
				return List.of();
			}
			if (this.platform.skipLocked()) {
				this.jdbc.sql("UPDATE " + this.table + " SET " + TAKEOVER_COUNTS_AS_ATTEMPT + ", status = 'IN_FLIGHT', "
						+ "claimed_by = :node, lease_until = :lease, updated_at = :now WHERE id IN (:ids)")
					.param("node", node)
					.param("lease", leaseUntil)
					.param("now", now)
					.param("ids", ids)
					.update();
			}
			return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query(this::entry)
				.list();
		});
		return (claimed != null) ? claimed : List.of();
	}

	/**
	 * The due heads among unfinished entries, oldest first: the first unfinished entry of each key, if it is
	 * due (pending and due, or in flight with an expired lease). Found by one ordered scan that stops early,
	 * not by a self-join: a self-join's plan depends on table statistics, and a young outbox table without
	 * them made PostgreSQL compare every row with every other.
	 */
	private List<Long> dueHeads(long now, int wanted) {
		List<Long> heads = this.jdbc.sql("SELECT id, entity_key, status, next_attempt_at, lease_until FROM " + this.table
				+ " WHERE status IN " + UNFINISHED + " ORDER BY id")
			.withFetchSize(Math.max(100, wanted * 4))
			.query((ResultSet rs) -> {
				Set<String> seenKeys = new HashSet<>();
				List<Long> found = new ArrayList<>();
				while (found.size() < wanted && rs.next()) {
					if (!seenKeys.add(rs.getString("entity_key"))) {
						continue;
					}
					boolean pending = "PENDING".equals(rs.getString("status"));
					long leaseUntil = rs.getLong("lease_until");
					boolean due = pending ? rs.getLong("next_attempt_at") <= now : (!rs.wasNull() && leaseUntil < now);
					if (due) {
						found.add(rs.getLong("id"));
					}
				}
				return found;
			});
		return (heads != null) ? heads : List.of();
	}

	private List<Long> lockDue(long now, int limit) {
		// A few more heads than wanted: some may be locked by other nodes and skipped.
		List<Long> heads = dueHeads(now, limit * 3);
		if (heads.isEmpty()) {
			return List.of();
		}
		// Statuses only move forward (but for a requeue), so a head seen above is still the head of its key
		// when it can be locked and still matches DUE.
		return this.jdbc.sql("SELECT id FROM " + this.table + " WHERE id IN (:ids) AND " + DUE
				+ " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
			.param("ids", heads)
			.param("now", now)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	private List<Long> claimByLease(long now, int limit, String node, long leaseUntil) {
		List<Long> won = new ArrayList<>();
		for (Long id : dueHeads(now, limit)) {
			int updated = this.jdbc.sql("UPDATE " + this.table + " SET " + TAKEOVER_COUNTS_AS_ATTEMPT + ", "
					+ "status = 'IN_FLIGHT', claimed_by = :node, lease_until = :lease, updated_at = :now WHERE id = :id "
					+ "AND " + DUE)
				.param("node", node)
				.param("lease", leaseUntil)
				.param("now", now)
				.param("id", id)
				.update();
			if (updated == 1) {
				won.add(id);
			}
		}
		return won;
	}

	@Override
	public boolean markDelivered(OutboxEntry entry, String node) {
		return finish(entry, node, DeliveryStatus.DELIVERED, null, null, true);
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
	public boolean hasUnfinished(Collection<String> entityKeys, long beforeId) {
		if (entityKeys.isEmpty()) {
			return false;
		}
		Long count = this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE entity_key IN (:keys) AND id < :id "
				+ "AND status IN " + UNFINISHED)
			.param("keys", List.copyOf(entityKeys))
			.param("id", beforeId)
			.query(Long.class)
			.single();
		return count > 0;
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
	public Map<DeliveryStatus, Long> countsByStatus() {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM " + this.table + " GROUP BY status")
			.query((rs) -> {
				counts.put(DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("n"));
			});
		return counts;
	}

	@Override
	public Optional<Instant> oldestUnfinishedCreatedAt() {
		List<Optional<Instant>> oldest = this.jdbc
			.sql("SELECT MIN(created_at) FROM " + this.table + " WHERE status IN " + UNFINISHED)
			.query((rs, row) -> {
				long value = rs.getLong(1);
				return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(value));
			})
			.list();
		return oldest.isEmpty() ? Optional.empty() : oldest.get(0);
	}

	@Override
	public List<OutboxEntry> deadLetters(int offset, int limit) {
		Require.notNegative(offset, "offset");
		Require.positive(limit, "limit");
		String page = this.platform.skipLocked() ? " LIMIT :limit OFFSET :offset"
				: " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";
		return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE status = 'DEAD' ORDER BY id" + page)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::entry)
			.list();
	}

	@Override
	public Optional<OutboxEntry> find(long id) {
		return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE id = :id").param("id", id).query(this::entry).optional();
	}

	@Override
	public boolean requeue(long id) {
		long now = now();
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET status = 'PENDING', attempts = 0, "
				+ "next_attempt_at = :now, updated_at = :now WHERE id = :id AND status = 'DEAD'")
			.param("now", now)
			.param("id", id)) == 1;
	}

	@Override
	public int requeueAllDead() {
		long now = now();
		return ownUpdate(this.jdbc.sql("UPDATE " + this.table + " SET status = 'PENDING', attempts = 0, "
				+ "next_attempt_at = :now, updated_at = :now WHERE status = 'DEAD'")
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
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
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
