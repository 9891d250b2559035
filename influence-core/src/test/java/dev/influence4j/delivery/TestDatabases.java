package dev.influence4j.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real databases for the outbox tests: H2 in memory, one embedded PostgreSQL server (real binaries) shared by
 * the whole test run, and for the tests tagged {@code mariadb} one MariaDB server started from the installed
 * binaries, shared likewise. Every call gives a fresh database.
 */
final class TestDatabases {

	private static EmbeddedPostgres postgres;

	private static MariaDbServer mariadb;

	private static RuntimeException mariadbFailure;

	private TestDatabases() {
	}

	static DataSource h2() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	static synchronized EmbeddedPostgres postgresServer() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is going away.
				}
			}));
		}
		return postgres;
	}

	/**
	 * A fresh database on the shared PostgreSQL server.
	 */
	static DataSource postgres() {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		JdbcClient.create(postgresServer().getPostgresDatabase()).sql("CREATE DATABASE " + name).update();
		return pooled(postgresServer().getJdbcUrl("postgres", name));
	}

	static synchronized MariaDbServer mariadbServer() {
		// Tried once: every later test fails at once with the first attempt's reason.
		if (mariadbFailure != null) {
			throw new IllegalStateException("the test MariaDB server could not be started", mariadbFailure);
		}
		if (mariadb == null) {
			try {
				mariadb = MariaDbServer.start();
			}
			catch (RuntimeException ex) {
				mariadbFailure = ex;
				throw ex;
			}
		}
		return mariadb;
	}

	/**
	 * A fresh database on the shared MariaDB server; only for tests tagged {@code mariadb}.
	 */
	static DataSource mariadb() {
		return pooled(mariadbServer().createDatabase(), "root");
	}

	/**
	 * A pool on a database of the shared PostgreSQL server.
	 */
	static DataSource pooled(String jdbcUrl) {
		return pooled(jdbcUrl, "postgres");
	}

	private static DataSource pooled(String jdbcUrl, String user) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(jdbcUrl);
		pool.setUsername(user);
		pool.setMaximumPoolSize(12);
		// Tests never close their pools: open connections only as they are needed, so that the server's
		// connection limit bounds the connections in use, not the number of databases created.
		pool.setMinimumIdle(1);
		return pool;
	}

	static String jdbcUrl(DataSource dataSource) {
		return ((HikariDataSource) dataSource).getJdbcUrl();
	}

}
