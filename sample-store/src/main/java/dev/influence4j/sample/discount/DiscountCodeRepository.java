package dev.influence4j.sample.discount;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.influence4j.sample.DatabaseTime;

/**
 * Discount codes in the {@code discount_code} table. Codes are matched without regard to case, as customers
 * type them.
 */
@Repository
public class DiscountCodeRepository {

	private final JdbcClient jdbc;

	DiscountCodeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A code as a customer typed it.
	 * @param code the code, in any case
	 * @return the code, or empty
	 */
	public Optional<DiscountCode> find(String code) {
		return this.jdbc.sql("SELECT * FROM discount_code WHERE UPPER(code) = :code")
			.param("code", code.strip().toUpperCase(Locale.ROOT))
			.query(DiscountCodeRepository::map)
			.optional();
	}

	/**
	 * Every code, newest first, for the admin.
	 * @return the codes
	 */
	public List<DiscountCode> findAll() {
		return this.jdbc.sql("SELECT * FROM discount_code ORDER BY created_at DESC, code")
			.query(DiscountCodeRepository::map)
			.list();
	}

	/**
	 * Create a code unless one with the same letters exists.
	 * @param code the code
	 * @return whether it was created
	 * @throws org.springframework.dao.DuplicateKeyException when another caller created the same code at the
	 * same moment
	 */
	public boolean insertIfAbsent(DiscountCode code) {
		// One statement, so that it can run inside a caller's transaction: a caught duplicate-key error would
		// leave a PostgreSQL transaction unusable. Two callers racing still end with one of them failing,
		// which is the retry RewardCodeIssuer's contract asks for.
		return this.jdbc.sql("""
				INSERT INTO discount_code (code, kind, amount, min_spend, source, description, created_at)
				SELECT :code, :kind, :amount, :minSpend, :source, :description, :createdAt
				WHERE NOT EXISTS (SELECT 1 FROM discount_code WHERE UPPER(code) = :upperCode)""")
			.param("code", code.code())
			.param("kind", code.kind().name())
			.param("amount", code.amount())
			.param("minSpend", code.minSpend())
			.param("source", code.source().name())
			.param("description", code.description())
			.param("createdAt", DatabaseTime.of(code.createdAt()))
			.param("upperCode", code.code().toUpperCase(Locale.ROOT))
			.update() == 1;
	}

	/**
	 * Mark a code used by an order, unless it was used already.
	 * @param code the code as stored
	 * @param orderId the order
	 * @param now the time
	 * @return whether this call marked it (false: another order used it first)
	 */
	public boolean markUsed(String code, long orderId, Instant now) {
		return this.jdbc.sql("""
				UPDATE discount_code SET used_at = :now, used_in_order_id = :orderId
				WHERE code = :code AND used_at IS NULL""")
			.param("now", DatabaseTime.of(now))
			.param("orderId", orderId)
			.param("code", code)
			.update() == 1;
	}

	private static DiscountCode map(ResultSet rs, int row) throws SQLException {
		return new DiscountCode(rs.getString("code"), DiscountKind.valueOf(rs.getString("kind")),
				rs.getBigDecimal("amount"), rs.getBigDecimal("min_spend"),
				DiscountSource.valueOf(rs.getString("source")), rs.getString("description"),
				DatabaseTime.readRequired(rs, "created_at"), DatabaseTime.read(rs, "used_at"),
				rs.getObject("used_in_order_id", Long.class));
	}

}
