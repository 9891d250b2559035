package dev.influence4j.benchmarks.webhooks;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Webhook intake on one node: {@code senders} concurrent senders post valid deliveries over HTTP to a shop
 * running the influence4j starter ({@link IntakeShop}: Spring MVC on Tomcat, the outbox on H2 in memory or on an
 * embedded PostgreSQL, with or without Spring Security), while the shop's delivery engine handles what was
 * stored, as in production. Reports accepted deliveries per second and the latency of the answers after a
 * warm-up, then checks that every accepted delivery was stored exactly once and that no answer but 200 came back
 * ({@link IntakeRun}).
 * <p>
 * Only HTTP is used to reach the endpoint, so the same benchmark measures whatever implements
 * {@code POST {influence.webhooks.path}/{secret}}. Each run has a JVM of its own, started by this class, as JMH
 * forks: it starts cold, inherits nothing from the previous run, and for {@code security=false} has no Spring
 * Security on its class path at all. The senders share that JVM, and the machine's cores, with the shop.
 * <p>
 * Arguments are {@code name=value} pairs: {@code db} ({@code h2} or {@code postgres}), {@code security}
 * ({@code true} or {@code false}), {@code client} ({@code socket}: one blocking connection per sender,
 * {@link Http1Connection}; {@code jdk}: the JDK's {@code HttpClient} shared by all senders), each also as a list
 * ({@code db=h2,postgres}) to run every combination; {@code runs} of each combination (1), {@code senders} (32),
 * {@code seconds} measured (20), {@code warmup} seconds (5), {@code syncCommit} for PostgreSQL ({@code on}, its
 * default; the embedded server's own default is {@code off}), {@code drainSeconds} to wait afterwards for the
 * engine to handle everything (120), and {@code jfr}, a directory to write a JFR profile of each measurement
 * window to.
 */
public final class WebhookIntakeBenchmark {

	/** Left out of the class path for security=false. */
	private static final List<String> SECURITY_JARS = List.of("spring-security-", "spring-boot-security-",
			"spring-boot-starter-security-");

	private WebhookIntakeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		IntakeOptions options = IntakeOptions.parse(args);
		for (String db : options.list("db")) {
			require(db.equals("h2") || db.equals("postgres"), "db is h2 or postgres, not '" + db + "'");
		}
		for (String security : options.list("security")) {
			require(security.equals("true") || security.equals("false"), "security is true or false, not '" + security + "'");
		}
		for (String client : options.list("client")) {
			require(client.equals("socket") || client.equals("jdk"), "client is socket or jdk, not '" + client + "'");
		}
		System.out.printf("influence4j webhook intake benchmark %s%n  on %d cores, Java %s, load average before: %s%n",
				options, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
		boolean allHeld = true;
		for (String db : options.list("db")) {
			for (String security : options.list("security")) {
				for (String client : options.list("client")) {
					for (int run = 1; run <= options.number("runs"); run++) {
						IntakeOptions one = options.with("db", db)
							.with("security", security)
							.with("client", client)
							.with(IntakeOptions.RUN, Integer.toString(run));
						allHeld &= fork(one, Boolean.parseBoolean(security));
					}
				}
			}
		}
		System.exit(allHeld ? 0 : 1);
	}

	private static boolean fork(IntakeOptions run, boolean security) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!run.get("jfr").isBlank()) {
			// Spring's stacks are deeper than JFR's default of 64 frames.
			command.add("-XX:FlightRecorderOptions:stackdepth=256");
		}
		command.add("-cp");
		command.add(classPath(security));
		command.add(IntakeRun.class.getName());
		command.addAll(run.toArgs());
		Process process = new ProcessBuilder(command).inheritIO().start();
		return process.waitFor() == 0;
	}

	/**
	 * This JVM's class path, without Spring Security's jars for security=false.
	 */
	private static String classPath(boolean security) {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> security || SECURITY_JARS.stream().noneMatch(Path.of(entry).getFileName().toString()::startsWith))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

}
