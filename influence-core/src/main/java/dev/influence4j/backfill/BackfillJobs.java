package dev.influence4j.backfill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backfill table ({@code influence_backfill}, created with the outbox by its schema file): one row per kind,
 * its cursor and counts, the time it waited, and the lease of the node running it. {@link #advance} joins the
 * caller's transaction, so that a page's outbox entries and the cursor after them commit together; the rest runs
 * in transactions of its own.
 */
final class BackfillJobs {

	private static final int MAX_ERROR_LENGTH = 2000;

	/** A running kind no node holds: since it was started, resumed or released, it waited for one. */
	private static final String UNCLAIMED = "claimed_by IS NULL";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final String table;

	private final Clock clock;

	BackfillJobs(DataSource dataSource, String tablePrefix, Clock clock) {
		if (!tablePrefix.matches("[A-Za-z0-9_]*")) {
			throw new IllegalArgumentException("table prefix may hold letters, digits and underscores only");
		}
		this.jdbc = JdbcClient.create(dataSource);
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.table = tablePrefix + "backfill";
		this.clock = clock;
	}

	Optional<BackfillStatus> find(String kind) {
		return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE kind = :kind")
			.param("kind", kind)
			.query(BackfillJobs::status)
			.optional();
	}

	List<BackfillStatus> all() {
		return this.jdbc.sql("SELECT * FROM " + this.table).query(BackfillJobs::status).list();
	}

	/**
	 * Start a kind from its first page, unless it is running or paused.
	 * @return whether it was started
	 */
	boolean create(String kind, boolean dryRun, @Nullable Instant since, @Nullable Long total) {
		long now = this.clock.millis();
		try {
			inOwnTransaction(() -> this.jdbc.sql("INSERT INTO " + this.table + " (kind, status, read_count, "
					+ "written_count, failed_count, total, dry_run, since_at, started_at, updated_at) VALUES (:kind, "
					+ "'RUNNING', 0, 0, 0, :total, :dryRun, :since, :now, :now)")
				.param("kind", kind)
				.param("total", total)
				.param("dryRun", dryRun ? 1 : 0)
				.param("since", (since != null) ? since.toEpochMilli() : null)
				.param("now", now)
				.update());
			return true;
		}
		catch (DuplicateKeyException ex) {
			return inOwnTransaction(() -> this.jdbc.sql("UPDATE " + this.table + " SET status = 'RUNNING', cursor_value "
					+ "= NULL, read_count = 0, written_count = 0, failed_count = 0, waited_millis = 0, total = :total, "
					+ "dry_run = :dryRun, "
					+ "since_at = :since, claimed_by = NULL, lease_until = NULL, last_error = NULL, failed_items = NULL, "
					+ "started_at = :now, updated_at = :now, finished_at = NULL WHERE kind = :kind AND status IN "
					+ "('DONE', 'CANCELLED')")
				.param("kind", kind)
				.param("total", total)
				.param("dryRun", dryRun ? 1 : 0)
				.param("since", (since != null) ? since.toEpochMilli() : null)
				.param("now", now)
				.update()) == 1;
		}
	}

	/**
	 * Take (or keep) the lease of a running kind. Taking it ends the kind's wait (for the kinds before it, or for a
	 * node after a resume or a restart), which is added to its waited time so that its rate leaves it out.
	 * @return whether this node holds it now
	 */
	boolean claim(String kind, String node, Duration lease) {
		long now = this.clock.millis();
		// MySQL assigns left to right, each assignment seeing the ones before: the wait is computed first, from the
		// old updated_at and claimed_by; the other databases see old values throughout.
		return inOwnTransaction(() -> this.jdbc.sql("UPDATE " + this.table + " SET waited_millis = waited_millis + "
				+ "CASE WHEN " + UNCLAIMED + " THEN :now - updated_at ELSE 0 END, updated_at = CASE WHEN " + UNCLAIMED
				+ " THEN :now ELSE updated_at END, claimed_by = :node, lease_until = :lease WHERE kind = :kind AND "
				+ "status = 'RUNNING' AND (claimed_by IS NULL OR claimed_by = :node OR lease_until < :now)")
			.param("node", node)
			.param("lease", now + lease.toMillis())
			.param("kind", kind)
			.param("now", now)
			.update()) == 1;
	}

	/**
	 * Record a page in the caller's transaction: the cursor after it, its counts, the lease renewed.
	 * @return whether this node still held the lease of the running kind (if not, roll back)
	 */
	boolean advance(String kind, String node, @Nullable String cursor, long read, long written, long failed,
			@Nullable String failedItems, Duration lease) {
		long now = this.clock.millis();
		return this.jdbc.sql("UPDATE " + this.table + " SET cursor_value = :cursor, read_count = read_count + :read, "
				+ "written_count = written_count + :written, failed_count = failed_count + :failed, failed_items = "
				+ "COALESCE(:failedItems, failed_items), lease_until = :lease, updated_at = :now WHERE kind = :kind AND "
				+ "status = 'RUNNING' AND claimed_by = :node")
			.param("cursor", cursor)
			.param("read", read)
			.param("written", written)
			.param("failed", failed)
			.param("failedItems", (failedItems != null) ? truncate(failedItems) : null)
			.param("lease", now + lease.toMillis())
			.param("now", now)
			.param("kind", kind)
			.param("node", node)
			.update() == 1;
	}

	boolean finish(String kind, String node) {
		long now = this.clock.millis();
		return inOwnTransaction(() -> this.jdbc.sql("UPDATE " + this.table + " SET status = 'DONE', claimed_by = NULL, "
				+ "lease_until = NULL, updated_at = :now, finished_at = :now WHERE kind = :kind AND status = 'RUNNING' "
				+ "AND claimed_by = :node")
			.param("now", now)
			.param("kind", kind)
			.param("node", node)
			.update()) == 1;
	}

	void pauseWithError(String kind, String node, String error) {
		long now = this.clock.millis();
		inOwnTransaction(() -> this.jdbc.sql("UPDATE " + this.table + " SET status = 'PAUSED', last_error = :error, "
				+ "claimed_by = NULL, lease_until = NULL, updated_at = :now WHERE kind = :kind AND claimed_by = :node")
			.param("error", truncate(error))
			.param("now", now)
			.param("kind", kind)
			.param("node", node)
			.update());
	}

	void release(String kind, String node) {
		long now = this.clock.millis();
		// From now, the kind waits for a node (see claim).
		inOwnTransaction(() -> this.jdbc.sql("UPDATE " + this.table + " SET claimed_by = NULL, lease_until = NULL, "
				+ "updated_at = :now WHERE kind = :kind AND claimed_by = :node")
			.param("now", now)
			.param("kind", kind)
			.param("node", node)
			.update());
	}

	/**
	 * Move kinds from one state to another (pause, resume, cancel).
	 * @return how many moved
	 */
	int move(@Nullable String kind, List<BackfillState> from, BackfillState to) {
		long now = this.clock.millis();
		String ofKind = (kind != null) ? " AND kind = :kind" : "";
		String finished = (to == BackfillState.CANCELLED) ? ", finished_at = :now" : "";
		String error = (to == BackfillState.RUNNING) ? ", last_error = NULL" : "";
		// A paused kind last moved when it was paused, an unclaimed one when it was started, resumed or released:
		// either has waited since. First, for MySQL (see claim).
		JdbcClient.StatementSpec statement = this.jdbc.sql("UPDATE " + this.table + " SET waited_millis = waited_millis "
				+ "+ CASE WHEN status = 'PAUSED' OR (status = 'RUNNING' AND " + UNCLAIMED + ") THEN :now - updated_at "
				+ "ELSE 0 END, status = :to, claimed_by = NULL, "
				+ "lease_until = NULL, updated_at = :now" + finished + error + " WHERE status IN (:from)" + ofKind)
			.param("to", to.name())
			.param("now", now)
			.param("from", from.stream().map(BackfillState::name).toList());
		JdbcClient.StatementSpec withKind = (kind != null) ? statement.param("kind", kind) : statement;
		return inOwnTransaction(withKind::update);
	}

	private <T> T inOwnTransaction(Supplier<T> work) {
		T result = this.ownTransaction.execute((status) -> work.get());
		if (result == null) {
			throw new IllegalStateException("no result from the backfill table");
		}
		return result;
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

	private static BackfillStatus status(ResultSet rs, int row) throws SQLException {
		// Delivered is not stored: Backfill counts it in the outbox when the status is asked for.
		return new BackfillStatus(rs.getString("kind"), BackfillState.valueOf(rs.getString("status")),
				rs.getString("cursor_value"), rs.getLong("read_count"), rs.getLong("written_count"), 0,
				rs.getLong("failed_count"), longOrNull(rs, "total"), rs.getInt("dry_run") == 1, instantOrNull(rs, "since_at"),
				rs.getString("claimed_by"), rs.getString("last_error"), rs.getString("failed_items"),
				Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
				instantOrNull(rs, "finished_at"), Duration.ofMillis(rs.getLong("waited_millis")));
	}

	private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		Long value = longOrNull(rs, column);
		return (value != null) ? Instant.ofEpochMilli(value) : null;
	}

}
