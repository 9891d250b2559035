package dev.influence4j.delivery;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
	POSTGRESQL("schema-postgresql.sql", true, null),

	/** H2 2.x, the embedded default. */
	H2("schema-h2.sql", true, null),

	/** MySQL 8.0 or later. */
	MYSQL("schema-mysql.sql", true, "MySQL 8.0"),

	/** MariaDB 10.6 or later. */
	MARIADB("schema-mysql.sql", true, "MariaDB 10.6"),

	/** Any other database: claims by lease; the schema must be created by the application. */
	OTHER(null, false, null);

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

	private final @Nullable String schemaResource;

	private final boolean skipLocked;

	/** The oldest version that has {@code SKIP LOCKED}, where versions without it are still in use. */
	private final @Nullable String oldest;

	DatabasePlatform(@Nullable String schemaResource, boolean skipLocked, @Nullable String oldest) {
		this.schemaResource = schemaResource;
		this.skipLocked = skipLocked;
		this.oldest = oldest;
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
	 * @throws IllegalStateException on MySQL before 8.0 or MariaDB before 10.6
	 */
	public static DatabasePlatform of(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			DatabaseMetaData database = connection.getMetaData();
			return fromProduct(database.getDatabaseProductName(), database.getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Could not read the database product name", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Recognise the database from its product name and version. A MySQL or MariaDB without {@code SKIP LOCKED}
	 * is refused: taken for a newer one, every claim would fail.
	 */
	static DatabasePlatform fromProduct(String productName, String productVersion) {
		DatabasePlatform platform = fromProductName(productName);
		// MySQL's driver calls MariaDB "MySQL"; before 11, MariaDB gives it a version such as 5.5.5-10.11.6-MariaDB.
		String version = productVersion.replaceFirst("^5\\.5\\.5-", "");
		if (platform == MYSQL && version.toLowerCase(Locale.ROOT).contains("mariadb")) {
			platform = MARIADB;
		}
		if (platform.oldest != null) {
			int[] found = majorMinor(version);
			if (found != null && Arrays.compare(found, majorMinor(platform.oldest)) < 0) {
				throw new IllegalStateException("The outbox needs " + platform.oldest + " or later (for FOR UPDATE "
						+ "SKIP LOCKED), but the database's version is " + productVersion);
			}
		}
		return platform;
	}

	private static int @Nullable [] majorMinor(String version) {
		Matcher matcher = VERSION.matcher(version);
		return matcher.find() ? new int[] { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)) }
				: null;
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
