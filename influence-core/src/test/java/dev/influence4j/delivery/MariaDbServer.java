package dev.influence4j.delivery;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A private MariaDB server for the tests tagged {@code mariadb}, started from the binaries of an installed
 * MariaDB (Debian's {@code mariadb-server} package) rather than relying on a system service: a data directory
 * made by {@code mariadb-install-db} in a temporary folder under {@code /tmp} (which also holds the socket), a
 * free port on 127.0.0.1, user {@code root} without a password. One server per test JVM, see
 * {@link TestDatabases#mariadb()}.
 * <p>
 * The binaries are looked up on the {@code PATH} and in the {@code sbin} folders a user's {@code PATH} may lack;
 * {@code -Dmariadb.home=/opt/mariadb} names an installation instead (its {@code bin}, {@code sbin} and
 * {@code scripts} folders, passed as {@code --basedir}). Without them the tests fail: the {@code mariadb-tests}
 * profile asked for them.
 */
final class MariaDbServer {

	private static final String HOME_PROPERTY = "mariadb.home";

	/**
	 * Runs the server and ends with the JVM, whichever way the JVM ends: it reads its standard input, a pipe from
	 * the JVM, until the pipe closes, which happens even when the JVM is killed and no shutdown hook runs. Then
	 * it kills the server (its data is thrown away, so there is nothing to shut down cleanly) and deletes the
	 * folder. It prints the server's process id first, so that the JVM can tell when the server stopped early.
	 */
	private static final String LIFELINE = """
			folder=$1; shift
			"$@" >"$folder/mariadbd.out" 2>&1 &
			echo $!
			cat >/dev/null
			kill -KILL $! 2>/dev/null
			wait
			rm -rf "$folder"
			""";

	private static final Duration STARTUP = Duration.ofMinutes(1);

	private final int port;

	private final Process lifeline;

	private MariaDbServer(int port, Process lifeline) {
		this.port = port;
		this.lifeline = lifeline;
	}

	static MariaDbServer start() {
		@Nullable String home = System.getProperty(HOME_PROPERTY);
		Path serverBinary = binary("mariadbd", home);
		Path installBinary = binary("mariadb-install-db", home);
		try {
			Path folder = Files.createTempDirectory(Path.of("/tmp"), "influence4j-mariadb-");
			Path data = folder.resolve("data");
			List<String> common = new ArrayList<>(List.of("--no-defaults", "--datadir=" + data,
					"--user=" + System.getProperty("user.name")));
			if (home != null) {
				common.add("--basedir=" + home);
			}
			// A small redo log: the installation writes the whole file, and the tests need little.
			common.add("--innodb-log-file-size=8M");

			List<String> install = new ArrayList<>(List.of(installBinary.toString()));
			install.addAll(common);
			install.addAll(List.of("--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
			try {
				run(install, folder.resolve("install.log"));
			}
			catch (RuntimeException ex) {
				delete(folder);
				throw ex;
			}

			int port = freePort();
			List<String> server = new ArrayList<>(List.of("sh", "-c", LIFELINE, "sh", folder.toString(),
					serverBinary.toString()));
			server.addAll(common);
			server.addAll(List.of("--port=" + port, "--bind-address=127.0.0.1", "--socket=" + folder.resolve("mysqld.sock"),
					"--pid-file=" + folder.resolve("mariadbd.pid"), "--log-error=" + folder.resolve("error.log"),
					"--skip-name-resolve", "--max-connections=1000",
					// What Debian's packaged configuration sets, so that the tests meet the defaults users get.
					"--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
					// Its data is thrown away: no need to wait for the disk.
					"--innodb-flush-log-at-trx-commit=0", "--skip-innodb-doublewrite"));
			Process lifeline = new ProcessBuilder(server).redirectError(folder.resolve("lifeline.log").toFile()).start();
			MariaDbServer started = new MariaDbServer(port, lifeline);
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "mariadb-stop"));
			started.awaitReady(processId(lifeline), folder.resolve("error.log"));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start a MariaDB server for the tests", ex);
		}
	}

	/**
	 * A new, empty database on this server.
	 * @return its JDBC URL
	 */
	String createDatabase() {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = connect(""); var statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name + " on the test MariaDB server", ex);
		}
		return jdbcUrl(name);
	}

	private String jdbcUrl(String database) {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + database;
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), "root", "");
	}

	private void awaitReady(ProcessHandle server, Path errorLog) {
		await("MariaDB on port " + this.port).atMost(STARTUP).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!server.isAlive()) {
				throw new IllegalStateException("mariadbd stopped while starting; its log:\n" + read(errorLog));
			}
			try (Connection connection = connect("")) {
				return connection.isValid(1);
			}
			catch (SQLException ex) {
				return false;
			}
		});
	}

	private void stop() {
		try {
			this.lifeline.getOutputStream().close();
			this.lifeline.waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException | InterruptedException ex) {
			// The JVM is going away; the closed pipe stops the server anyway.
		}
	}

	private static ProcessHandle processId(Process lifeline) throws IOException {
		// Left open: the shell must not find its output closed.
		String line = lifeline.inputReader(StandardCharsets.US_ASCII).readLine();
		if (line == null) {
			throw new IllegalStateException("the shell that runs mariadbd ended at once");
		}
		return ProcessHandle.of(Long.parseLong(line.strip()))
			.orElseThrow(() -> new IllegalStateException("mariadbd ended at once"));
	}

	private static Path binary(String name, @Nullable String home) {
		Set<Path> folders = new LinkedHashSet<>();
		if (home != null) {
			Stream.of("bin", "sbin", "scripts").forEach((folder) -> folders.add(Path.of(home, folder)));
		}
		else {
			Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
				.filter((folder) -> !folder.isBlank())
				.forEach((folder) -> folders.add(Path.of(folder)));
			Stream.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin").forEach((folder) -> folders.add(Path.of(folder)));
		}
		Optional<Path> found = folders.stream().map((folder) -> folder.resolve(name)).filter(Files::isExecutable).findFirst();
		return found.orElseThrow(() -> new IllegalStateException("The tests tagged \"mariadb\" (profile mariadb-tests) "
				+ "start a MariaDB server of their own and need its binaries, but " + name + " is not in " + folders
				+ ". Install them (Debian: apt-get install mariadb-server) or name an installation with -D"
				+ HOME_PROPERTY + "=..., or leave out -Pmariadb-tests."));
	}

	private static void run(List<String> command, Path log) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not finish in two minutes; its log:\n" + read(log));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command.get(0), ex);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command.get(0) + " failed with exit code " + process.exitValue()
					+ "; its log:\n" + read(log));
		}
	}

	private static void delete(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// Only a leftover folder under /tmp.
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "(" + file + " could not be read: " + ex.getMessage() + ")";
		}
	}

}
