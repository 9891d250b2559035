package dev.influence4j.benchmarks.webhooks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * One run of the {@link WebhookIntakeBenchmark}, in a JVM of its own: start the database and the shop, send for
 * the warm-up and the measured window, wait for the delivery engine to handle what was stored, check the counts,
 * print the summary. Exits 1 when a check failed.
 */
public final class IntakeRun {

	/** Logged at WARN: a benchmark that logs every statement measures the logger. */
	private static final List<String> QUIET_LOGGERS = List.of("root", "org.springframework", "dev.influence4j",
			"com.zaxxer", "org.apache", "io.zonky");

	/** {@code influence.webhooks.path}, set explicitly (it is the default) so that the senders' URL follows it. */
	private static final String WEBHOOKS_PATH = "/influence/webhooks";

	private final IntakeOptions options;

	private final String db;

	private final boolean security;

	private final boolean jdkClient;

	/** The PostgreSQL server's main process, whose children serve the connections; -1 for H2. */
	private long postmaster = -1;

	private IntakeRun(IntakeOptions options) {
		this.options = options;
		this.db = options.get("db");
		this.security = Boolean.parseBoolean(options.get("security"));
		this.jdkClient = options.get("client").equals("jdk");
	}

	public static void main(String[] args) throws Exception {
		// Before anything logs (the embedded PostgreSQL does); the shop's Spring Boot then applies QUIET_LOGGERS.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		boolean held = new IntakeRun(IntakeOptions.parse(args)).run();
		System.exit(held ? 0 : 1);
	}

	private boolean run() throws Exception {
		String loadBefore = WebhookIntakeBenchmark.loadAverage();
		String secret = "bench-" + HexFormat.of().formatHex(randomBytes(20));
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		QUIET_LOGGERS.forEach((logger) -> properties.put("logging.level." + logger, "WARN"));
		properties.put("influence.api-key", "bench-api-key");
		properties.put("influence.shop-key", "bench-shop");
		// Nothing is sent to Influence.io (the shop publishes no storefront events); if it were, it would fail fast.
		properties.put("influence.platform.base-url", "http://127.0.0.1:9");
		properties.put("influence.launcher.base-url", "http://127.0.0.1:9");
		properties.put("influence.webhooks.path", WEBHOOKS_PATH);
		properties.put("influence.webhooks.secret", secret);
		EmbeddedPostgres postgres = null;
		try {
			if (this.db.equals("postgres")) {
				postgres = EmbeddedPostgres.builder()
					.setServerConfig("synchronous_commit", this.options.get("syncCommit"))
					.start();
				properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
				properties.put("spring.datasource.username", "postgres");
				this.postmaster = postmasterPid(postgres);
			}
			// No spring.datasource.url for H2: Boot's embedded in-memory database, as a shop on H2 gets it.
			try (IntakeShop.Running shop = IntakeShop.start(properties, this.security)) {
				return measure(shop, secret, loadBefore);
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	private static long postmasterPid(EmbeddedPostgres postgres) throws SQLException {
		// pg_ctl detaches the server from this JVM; its pid file names it.
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				ResultSet pid = connection.createStatement()
					.executeQuery("SELECT split_part(pg_read_file('postmaster.pid'), E'\\n', 1)")) {
			pid.next();
			return Long.parseLong(pid.getString(1).strip());
		}
	}

	private boolean measure(IntakeShop.Running shop, String secret, String loadBefore) throws Exception {
		String base = "http://127.0.0.1:" + shop.port();
		List<String> broken = new ArrayList<>();
		String securityState = checkSecurity(base, broken);

		WebhookSenders senders = new WebhookSenders(URI.create(base + WEBHOOKS_PATH + "/" + secret),
				this.options.number("senders"), Long.toString(System.nanoTime(), 36), this.jdkClient);
		AtomicReference<CpuSnapshot> atStart = new AtomicReference<>();
		AtomicReference<@Nullable Recording> recording = new AtomicReference<>();
		Duration window = Duration.ofSeconds(this.options.number("seconds"));
		WebhookSenders.Result result = senders.run(Duration.ofSeconds(this.options.number("warmup")), window, () -> {
			atStart.set(CpuSnapshot.now(this.postmaster));
			recording.set(startRecording());
		});
		CpuSnapshot atEnd = CpuSnapshot.now(this.postmaster);
		Recording profile = recording.get();
		if (profile != null) {
			profile.stop();
			profile.close();
		}

		long backlog = unhandled(shop.counts());
		Map<String, Long> found = awaitHandled(shop, result.lastAnswerNanos());
		long drainMillis = Duration.ofNanos(System.nanoTime() - result.lastAnswerNanos()).toMillis();
		check(broken, found, result);

		long[] latencies = result.latenciesNanos();
		double seconds = window.toMillis() / 1000.0;
		System.out.printf("webhooks: db=%s security=%s senders=%d%s: %,d accepted in %.1f s = %,.0f/s, p50 %s, p99 %s, "
				+ "max %s, non-200: %s%n", this.db, this.security, this.options.number("senders"),
				this.jdkClient ? " client=jdk" : "", result.windowAccepted(), seconds, result.windowAccepted() / seconds,
				millis(latencies, 50), millis(latencies, 99), millis(latencies, 100), failures(result));
		String run = "  run " + this.options.get(IntakeOptions.RUN);
		System.out.printf("%s %s: %s; stored %,d rows for %,d accepted (warm-up included), %,d distinct ids, %,d other "
				+ "rows; handled %,d (%,d events, %,d codes issued for %,d code-bearing), %,d dead; %,d were unhandled at "
				+ "the last answer, %s %.1f s later%n", run,
				broken.isEmpty() ? "OK" : "NOT OK (" + String.join("; ", broken) + ")", securityState,
				found.get("stored"), result.accepted(), found.get("distinctIds"), found.get("otherRows"),
				found.get("handled"), found.get("events"), found.get("codes"), result.acceptedWithCode(),
				found.get("dead"), backlog,
				(unhandled(found) == 0) ? "all handled" : String.format("%,d still unhandled", unhandled(found)),
				drainMillis / 1000.0);
		System.out.printf("%s CPU in the window: %s; load average before: %s; accepted per %d s from the start: %s%n", run,
				atEnd.describeSince(atStart.get(), window, result.senderCpuNanos(), this.db.equals("postgres")),
				loadBefore, WebhookSenders.SLICE.toSeconds(), slices(result));
		return broken.isEmpty();
	}

	/**
	 * Proves the variant is what it claims: with security, the shop's chain guards other pages (a login
	 * redirect); without it, Spring Security is absent from the class path.
	 */
	private String checkSecurity(String base, List<String> broken) throws IOException, InterruptedException {
		HttpResponse<Void> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
		String location = page.headers().firstValue("Location").orElse("");
		if (this.security) {
			if (page.statusCode() != 302 || !location.endsWith("/login")) {
				broken.add("security=true but GET / answered " + page.statusCode() + " " + location);
			}
			return "GET / answered " + page.statusCode() + " to /login";
		}
		if (isPresent("org.springframework.security.web.SecurityFilterChain")) {
			broken.add("security=false but Spring Security is on the class path");
		}
		return "no Spring Security on the class path, GET / answered " + page.statusCode();
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, IntakeRun.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/**
	 * Wait until the delivery engine has handled (or given up on) every stored delivery, or for
	 * {@code drainSeconds}.
	 */
	private Map<String, Long> awaitHandled(IntakeShop.Running shop, long lastAnswerNanos) throws InterruptedException {
		long deadline = lastAnswerNanos + Duration.ofSeconds(this.options.number("drainSeconds")).toNanos();
		Map<String, Long> found = shop.counts();
		while (unhandled(found) > 0 && System.nanoTime() < deadline) {
			// Not often: counting scans the table, on the database the engine is working on.
			Thread.sleep(1_000);
			found = shop.counts();
		}
		return found;
	}

	private static long unhandled(Map<String, Long> counts) {
		return counts.get("stored") - counts.get("handled") - counts.get("dead");
	}

	/**
	 * The figures are honest only if every accepted delivery was stored once and nothing else was. Handling is
	 * checked as far as it got: nothing handled twice, nothing dead, and, once all is handled, every delivery
	 * reached the listener and every code the issuer. No failure is injected, so there are no retries.
	 */
	private static void check(List<String> broken, Map<String, Long> found, WebhookSenders.Result result) {
		if (found.get("stored") != result.accepted()) {
			broken.add(found.get("stored") + " rows stored for " + result.accepted() + " accepted deliveries");
		}
		if (!found.get("distinctIds").equals(found.get("stored"))) {
			broken.add(found.get("distinctIds") + " distinct ids in " + found.get("stored") + " rows");
		}
		if (found.get("otherRows") != 0) {
			broken.add(found.get("otherRows") + " rows of other kinds");
		}
		if (found.get("dead") != 0) {
			broken.add(found.get("dead") + " deliveries became dead letters");
		}
		if (!found.get("events").equals(found.get("eventDeliveries"))) {
			broken.add(found.get("events") + " events for " + found.get("eventDeliveries") + " deliveries");
		}
		if (!found.get("codes").equals(found.get("codeDeliveries"))) {
			broken.add(found.get("codes") + " codes issued for " + found.get("codeDeliveries") + " deliveries");
		}
		if (unhandled(found) == 0 && found.get("eventDeliveries") != result.accepted()) {
			broken.add("events for " + found.get("eventDeliveries") + " of " + result.accepted() + " handled deliveries");
		}
		if (unhandled(found) == 0 && found.get("codeDeliveries") != result.acceptedWithCode()) {
			broken.add("codes for " + found.get("codeDeliveries") + " of " + result.acceptedWithCode() + " handled "
					+ "code-bearing deliveries");
		}
		if (result.failureCount() > 0) {
			broken.add(result.failureCount() + " answers were not 200");
		}
		if (result.duplicates() > 0) {
			broken.add(result.duplicates() + " unique deliveries were answered as duplicates");
		}
	}

	private @Nullable Recording startRecording() {
		String directory = this.options.get("jfr");
		if (directory.isBlank()) {
			return null;
		}
		try {
			Files.createDirectories(Path.of(directory));
			Recording recording = new Recording(Configuration.getConfiguration("profile"));
			// More samples than the profile's 10 ms give: a 20 s window then holds a few thousand.
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
			recording.setDestination(Path.of(directory, "webhooks-" + this.db + "-security-" + this.security
					+ (this.jdkClient ? "-jdk" : "") + "-" + this.options.get(IntakeOptions.RUN) + ".jfr"));
			recording.start();
			return recording;
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("cannot record a profile in " + directory, ex);
		}
	}

	private static String failures(WebhookSenders.Result result) {
		String summary = (result.failureCount() == 0) ? "0"
				: result.failureCount() + " (" + result.failures()
					.entrySet()
					.stream()
					.map((failure) -> ((failure.getKey() == -1) ? "no answer" : failure.getKey()) + ": " + failure.getValue())
					.collect(Collectors.joining(", ")) + ")";
		return (result.duplicates() == 0) ? summary : summary + ", answered duplicate: " + result.duplicates();
	}

	private static String slices(WebhookSenders.Result result) {
		return Arrays.stream(result.acceptedBySlice()).mapToObj((count) -> String.format("%,d", count))
			.collect(Collectors.joining(" "));
	}

	private static String millis(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return "-";
		}
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		double millis = sorted[Math.max(0, index)] / 1_000_000.0;
		return (millis < 10) ? String.format("%.1f ms", millis) : String.format("%.0f ms", millis);
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	/**
	 * CPU used so far: by this process, by its delivery engine's threads, by the embedded PostgreSQL server and,
	 * where {@code /proc/stat} exists, by the whole machine; time spent compiling (a window that still compiles
	 * much was not warm) and collecting garbage.
	 */
	private record CpuSnapshot(long processNanos, long engineNanos, long postgresNanos, long @Nullable [] machineTicks,
			long compilingMillis, long gcMillis) {

		/** Linux's USER_HZ, the unit of /proc/[pid]/stat times, on every common kernel. */
		private static final long TICKS_PER_SECOND = 100;

		static CpuSnapshot now(long postmaster) {
			long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			long gc = ManagementFactory.getGarbageCollectorMXBeans()
				.stream()
				.mapToLong((collector) -> Math.max(0, collector.getCollectionTime()))
				.sum();
			return new CpuSnapshot(process, readEngineNanos(), readPostgresNanos(postmaster), readMachineTicks(),
					ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
		}

		/**
		 * The delivery engine's threads (the dispatcher and its workers, named {@code influence-*}); a diagnostic
		 * only: if the names change, this reads 0.
		 */
		private static long readEngineNanos() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long total = 0;
			for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info != null && info.getThreadName().startsWith("influence-")) {
					total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
				}
			}
			return total;
		}

		/** The server's process and its children (one per connection); 0 without /proc. */
		private static long readPostgresNanos(long postmaster) {
			if (postmaster < 0) {
				return 0;
			}
			return Stream.concat(Stream.of(postmaster),
					ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
				.mapToLong(CpuSnapshot::cpuNanosOf)
				.sum();
		}

		private static long cpuNanosOf(long pid) {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				// After the command in parentheses: state is field 3, utime and stime are fields 14 and 15.
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1_000_000_000L / TICKS_PER_SECOND;
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

		/** Total and idle ticks of all cores. */
		private static long @Nullable [] readMachineTicks() {
			try {
				String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long total = 0;
				for (int i = 1; i < fields.length; i++) {
					total += Long.parseLong(fields[i]);
				}
				// idle and iowait
				return new long[] { total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}

		String describeSince(CpuSnapshot earlier, Duration window, long senderNanos, boolean postgres) {
			double windowNanos = window.toNanos();
			int cores = Runtime.getRuntime().availableProcessors();
			String machine = "unknown";
			long[] before = earlier.machineTicks;
			long[] after = this.machineTicks;
			if (before != null && after != null && after[0] != before[0]) {
				double busy = 1.0 - (double) (after[1] - before[1]) / (after[0] - before[0]);
				machine = String.format("%.2f", busy * cores);
			}
			String server = postgres
					? String.format(", PostgreSQL %.2f cores", (this.postgresNanos - earlier.postgresNanos) / windowNanos)
					: "";
			return String.format("JVM %.2f cores (senders %.2f, delivery engine %.2f; compiling %.1f s, GC %.1f s)%s, "
					+ "machine %s of %d cores busy", (this.processNanos - earlier.processNanos) / windowNanos,
					senderNanos / windowNanos, (this.engineNanos - earlier.engineNanos) / windowNanos,
					(this.compilingMillis - earlier.compilingMillis) / 1000.0, (this.gcMillis - earlier.gcMillis) / 1000.0,
					server, machine, cores);
		}

	}

	@Override
	public String toString() {
		return "IntakeRun" + this.options;
	}

}
