package dev.influence4j.sample.demo;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.influence4j.sample.DatabaseTime;

/**
 * One-time setup steps in the {@code setup_step} table: a step is done once its row is committed.
 */
@Repository
class SetupSteps {

	private final JdbcClient jdbc;

	SetupSteps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claim a step for the current transaction, which must then do it: the row commits with the step's work or
	 * rolls back with it.
	 * @param name the step
	 * @param now the time
	 * @return {@code true} when this transaction claimed the step, {@code false} when it was done before
	 * @throws org.springframework.dao.DuplicateKeyException when another transaction claimed it at the same
	 * moment and committed; this transaction can then only roll back (PostgreSQL refuses every further
	 * statement)
	 */
	boolean claim(String name, Instant now) {
		// One statement without a check before it: a concurrent claimer's row, not yet committed, is invisible
		// to NOT EXISTS, but the primary key makes this insert wait for that transaction and then fail.
		return this.jdbc.sql("""
				INSERT INTO setup_step (name, done_at) SELECT :name, :now
				WHERE NOT EXISTS (SELECT 1 FROM setup_step WHERE name = :name)""")
			.param("name", name)
			.param("now", DatabaseTime.of(now))
			.update() == 1;
	}

}
