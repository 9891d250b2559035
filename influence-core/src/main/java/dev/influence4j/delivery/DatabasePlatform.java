package dev.influence4j.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The databases the outbox knows, with the schema file for each and how entries are claimed: with
 * {@code FOR UPDATE SKIP LOCKED} where the database has it, with a lease column and conditional updates
 * elsewhere.
 */
public enum DatabasePlatform {

	/** PostgreSQL 9.5 or later. */
	POSTGRESQL("schema-postgresql.sql", true),

	/** H2 2.x, the embedded default. */
	H2("schema-h2.sql", true),

	/** MySQL 8.0 or later. */
	MYSQL("schema-mysql.sql", true),

	/** MariaDB 10.6 or later. */
	MARIADB("schema-mysql.sql", true),

	/** Any other database: claims by lease; the schema must be created by the application. */
	OTHER(null, false);

	private final @Nullable String schemaResource;

	private final boolean skipLocked;

	DatabasePlatform(@Nullable String schemaResource, boolean skipLocked) {
		this.schemaResource = schemaResource;
		this.skipLocked = skipLocked;
	}

	/**
	 * The schema script shipped for this database, under {@code dev/influence4j/delivery/}.
	 * @return the file name, or {@code null} for {@link #OTHER}
	 */
	public @Nullable String schemaResource() {
		return this.schemaResource;
	}

	/**
	 * Whether entries are claimed with {@code FOR UPDATE SKIP LOCKED}.
	 * @return whether the database supports it
	 */
	public boolean skipLocked() {
		return this.skipLocked;
	}

	/**
	 * The clause that limits a query's rows, in this database's dialect.
	 * @param limit the limit, a literal or a named parameter
	 * @return the clause
	 */
	String limit(String limit) {
		// The standard's FETCH FIRST where no LIMIT is known to be understood.
		return this.skipLocked ? "LIMIT " + limit : "FETCH FIRST " + limit + " ROWS ONLY";
	}

	/**
	 * Recognise the database behind a data source.
	 * @param dataSource the data source
	 * @return the platform, {@link #OTHER} when not recognised
	 */
	public static DatabasePlatform of(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return fromProductName(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Could not read the database product name", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static DatabasePlatform fromProductName(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		if (name.equals("h2")) {
			return H2;
		}
		if (name.contains("mariadb")) {
			return MARIADB;
		}
		if (name.contains("mysql")) {
			return MYSQL;
		}
		return OTHER;
	}

}
