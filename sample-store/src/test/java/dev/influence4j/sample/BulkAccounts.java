package dev.influence4j.sample;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts written straight into the store's {@code account} table, as an existing shop's customers are: the
 * store published no event for them, so Influence.io (the sandbox) has never heard of them until they are
 * imported. Each set has an email prefix of its own and is deleted by it after the test.
 */
public final class BulkAccounts {

	private final JdbcClient jdbc;

	private final String prefix;

	private BulkAccounts(JdbcClient jdbc, String prefix) {
		this.jdbc = jdbc;
		this.prefix = prefix;
	}

	/**
	 * Insert accounts {@code <prefix>-1@example.com} to {@code <prefix>-<count>@example.com}.
	 * @param jdbc the store's database (H2, as the tests run it)
	 * @param count how many
	 * @return the accounts, to {@link #delete()} after the test
	 */
	public static BulkAccounts insert(JdbcClient jdbc, int count) {
		String prefix = "bulk-" + System.nanoTime();
		jdbc.sql("""
				INSERT INTO account (email, password_hash, role, created_at, updated_at)
				SELECT :prefix || '-' || x || '@example.com', 'not-a-hash', 'CUSTOMER', CURRENT_TIMESTAMP,
				CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, :count)""")
			.param("prefix", prefix)
			.param("count", count)
			.update();
		return new BulkAccounts(jdbc, prefix);
	}

	/**
	 * The id of one of them.
	 * @param number from 1
	 * @return its account id
	 */
	public long id(int number) {
		return this.jdbc.sql("SELECT id FROM account WHERE email = :email")
			.param("email", email(number))
			.query(Long.class)
			.single();
	}

	/**
	 * The email of one of them.
	 * @param number from 1
	 * @return its email
	 */
	public String email(int number) {
		return this.prefix + "-" + number + "@example.com";
	}

	/**
	 * Delete them from the store (what was sent to the sandbox stays there).
	 */
	public void delete() {
		this.jdbc.sql("DELETE FROM account WHERE email LIKE :prefix").param("prefix", this.prefix + "-%").update();
	}

}
