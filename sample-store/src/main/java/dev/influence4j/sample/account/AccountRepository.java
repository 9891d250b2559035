package dev.influence4j.sample.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import dev.influence4j.sample.DatabaseTime;

/**
 * Accounts in the {@code account} table. Emails are compared lowercased, as they are stored.
 */
@Repository
public class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An account by id.
	 * @param id the account id
	 * @return the account, or empty
	 */
	public Optional<Account> findById(long id) {
		return this.jdbc.sql("SELECT * FROM account WHERE id = :id").param("id", id).query(AccountRepository::map)
			.optional();
	}

	/**
	 * An account by email, in any case.
	 * @param email the email
	 * @return the account, or empty
	 */
	public Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("SELECT * FROM account WHERE email = :email")
			.param("email", email.toLowerCase(Locale.ROOT))
			.query(AccountRepository::map)
			.optional();
	}

	/**
	 * Customer accounts (not staff: the store never sends those to Influence.io) after an id, in id order.
	 * @param after the last id of the previous page, 0 for the first
	 * @param size the most to return
	 * @return the accounts
	 */
	public List<Account> findCustomerPage(long after, int size) {
		return this.jdbc.sql("SELECT * FROM account WHERE role = :role AND id > :after ORDER BY id LIMIT :size")
			.param("role", AccountRole.CUSTOMER.name())
			.param("after", after)
			.param("size", size)
			.query(AccountRepository::map)
			.list();
	}

	/**
	 * How many customer accounts there are.
	 * @return the count
	 */
	public long countCustomers() {
		return this.jdbc.sql("SELECT COUNT(*) FROM account WHERE role = :role")
			.param("role", AccountRole.CUSTOMER.name())
			.query(Long.class)
			.single();
	}

	/**
	 * Insert a new account.
	 * @return the stored account with its id
	 * @throws org.springframework.dao.DuplicateKeyException when the email is taken
	 */
	Account insert(String email, String passwordHash, @Nullable String firstName, @Nullable String lastName,
			AccountRole role, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO account (email, password_hash, first_name, last_name, role, created_at, updated_at)
				VALUES (:email, :hash, :first, :last, :role, :now, :now)""")
			.param("email", email.toLowerCase(Locale.ROOT))
			.param("hash", passwordHash)
			.param("first", firstName)
			.param("last", lastName)
			.param("role", role.name())
			.param("now", DatabaseTime.of(now))
			.update(keys, "id");
		long id = Objects.requireNonNull(keys.getKeyAs(Long.class), "generated id");
		return findById(id).orElseThrow();
	}

	void updateProfile(long id, @Nullable String firstName, @Nullable String lastName, @Nullable String phone,
			Instant now) {
		this.jdbc.sql("""
				UPDATE account SET first_name = :first, last_name = :last, phone = :phone, updated_at = :now
				WHERE id = :id""")
			.param("first", firstName)
			.param("last", lastName)
			.param("phone", phone)
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update();
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
				rs.getString("first_name"), rs.getString("last_name"), rs.getString("phone"),
				AccountRole.valueOf(rs.getString("role")), DatabaseTime.readRequired(rs, "created_at"),
				DatabaseTime.readRequired(rs, "updated_at"));
	}

}
