package dev.influence4j.sample;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * How the store writes and reads instants in {@code TIMESTAMP WITH TIME ZONE} columns. {@link OffsetDateTime}
 * is the type JDBC 4.2 requires every driver to map to that column type; {@link Instant} works on H2 but not
 * on PostgreSQL.
 */
public final class DatabaseTime {

	private DatabaseTime() {
	}

	/**
	 * The value to bind for an instant.
	 * @param instant the instant, or {@code null}
	 * @return the instant at UTC, or {@code null}
	 */
	public static @Nullable OffsetDateTime of(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * Read an instant.
	 * @param rs the result set, on a row
	 * @param column the column's name
	 * @return the instant, or {@code null} when the column is null
	 * @throws SQLException when the column cannot be read
	 */
	public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * Read an instant from a {@code NOT NULL} column.
	 * @param rs the result set, on a row
	 * @param column the column's name
	 * @return the instant
	 * @throws SQLException when the column cannot be read
	 */
	public static Instant readRequired(ResultSet rs, String column) throws SQLException {
		Instant value = read(rs, column);
		if (value == null) {
			throw new SQLException("column " + column + " is null");
		}
		return value;
	}

}
