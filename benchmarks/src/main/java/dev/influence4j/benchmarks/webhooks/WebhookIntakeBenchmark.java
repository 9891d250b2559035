package dev.influence4j.benchmarks.webhooks;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Webhook intake on one node: {@code senders} concurrent senders post valid deliveries over HTTP to a shop
 * running the influence4j starter ({@link IntakeShop}: Spring MVC on Tomcat, the outbox on H2 in memory or on an
 * embedded PostgreSQL, with or without Spring Security), while the shop's delivery engine handles what was
 * stored, as in production. Reports accepted deliveries per second and the latency of the answers after a
 * warm-up, then checks that every accepted delivery was stored exactly once and handled once, and that no
 * answer but 200 came back.
 * <p>
 * Only HTTP is used to reach the endpoint, so the same harness measures whatever implements
 * {@code POST {influence.webhooks.path}/{secret}}. The shop runs in a class loader of its own, so each run starts
 * cold and {@code security=false} has no Spring Security on its class path; the senders share the JVM (and the
 * machine's cores) with it.
 * <p>
 * Arguments are {@code name=value} pairs: {@code db} ({@code h2} or {@code postgres}, or both: {@code h2,postgres}),
 * {@code security} ({@code true}, {@code false} or {@code false,true}), {@code runs} of each combination (1),
 * {@code senders} (32), {@code seconds} measured (20), {@code warmup} seconds (5), {@code syncCommit} for
 * PostgreSQL ({@code on}, its default; the embedded server's own default is {@code off}), {@code drainSeconds}
 * to wait for the engine to handle everything (300), and {@code jfr}, a directory to write a JFR profile of each
 * measurement window to.
 */
public final class WebhookIntakeBenchmark {

	/** Logged at WARN: a benchmark that logs every statement measures the logger. */
	private static final List<String> QUIET_LOGGERS = List.of("root", "org.springframework", "dev.influence4j",
			"com.zaxxer", "org.apache", "io.zonky");

	/** Left out of the shop's class path for security=false. */
	private static final List<String> SECURITY_JARS = List.of("spring-security-", "spring-boot-security-",
			"spring-boot-starter-security-");

	private final Map<String, String> options;

	private WebhookIntakeBenchmark(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		String[] defaults = { "db=h2", "security=true", "runs=1", "senders=32", "seconds=20", "warmup=5", "syncCommit=on",
				"drainSeconds=300", "jfr=" };
		for (String option : defaults) {
			options.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
		}
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			if (pair.length != 2 || !options.containsKey(pair[0])) {
				throw new IllegalArgumentException("unknown argument '" + arg + "'; arguments are name=value with names "
						+ options.keySet());
			}
			options.put(pair[0], pair[1]);
		}
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		boolean allHeld = new WebhookIntakeBenchmark(options).runAll();
		System.exit(allHeld ? 0 : 1);
	}

	private boolean runAll() throws Exception {
		System.out.printf("influence4j webhook intake benchmark %s%n  on %d cores, Java %s, load average before: %s%n",
				this.options, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				loadAverage());
		int runs = number("runs");
		boolean allHeld = true;
		for (String db : this.options.get("db").split(",")) {
			for (String security : this.options.get("security").split(",")) {
				for (int run = 1; run <= runs; run++) {
					allHeld &= runOnce(db.strip(), Boolean.parseBoolean(security.strip()), run);
					System.gc();
				}
			}
		}
		return allHeld;
	}

	private boolean runOnce(String db, boolean security, int run) throws Exception {
		if (!db.equals("h2") && !db.equals("postgres")) {
			throw new IllegalArgumentException("db is h2 or postgres, not '" + db + "'");
		}
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
		properties.put("influence.webhooks.secret", secret);
		EmbeddedPostgres postgres = null;
		URLClassLoader loader = shopClassLoader(security);
		try {
			if (db.equals("postgres")) {
				postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", this.options.get("syncCommit")).start();
				properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
				properties.put("spring.datasource.username", "postgres");
			}
			// No spring.datasource.url for H2: Boot's embedded in-memory database, as a shop on H2 gets it.
			Object shop = loader.loadClass(IntakeShop.class.getName())
				.getMethod("start", Map.class, boolean.class)
				.invoke(null, properties, security);
			try (AutoCloseable closing = (AutoCloseable) shop) {
				@SuppressWarnings("unchecked")
				Supplier<Map<String, Long>> counts = (Supplier<Map<String, Long>>) shop;
				return measure(db, security, run, secret, counts, loader);
			}
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		finally {
			loader.close();
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	private boolean measure(String db, boolean security, int run, String secret, Supplier<Map<String, Long>> counts,
			ClassLoader shopLoader) throws Exception {
		String base = "http://127.0.0.1:" + counts.get().get("port");
		List<String> broken = new ArrayList<>();
		String securityState = checkSecurity(base, security, shopLoader, broken);

		WebhookSenders senders = new WebhookSenders(URI.create(base + "/influence/webhooks/" + secret), number("senders"),
				Long.toString(System.nanoTime(), 36));
		AtomicReference<CpuSnapshot> atStart = new AtomicReference<>();
		AtomicReference<@Nullable Recording> recording = new AtomicReference<>();
		Duration window = Duration.ofSeconds(number("seconds"));
		WebhookSenders.Result result = senders.run(Duration.ofSeconds(number("warmup")), window, () -> {
			atStart.set(CpuSnapshot.now());
			recording.set(startRecording(db, security, run));
		});
		CpuSnapshot atEnd = CpuSnapshot.now();
		Recording profile = recording.get();
		if (profile != null) {
			profile.stop();
			profile.close();
		}

		long backlog = unhandled(counts.get());
		Map<String, Long> found = awaitHandled(counts, result.lastAnswerNanos());
		long drainMillis = Duration.ofNanos(System.nanoTime() - result.lastAnswerNanos()).toMillis();
		check(broken, found, result);

		long[] latencies = result.latenciesNanos();
		double seconds = window.toMillis() / 1000.0;
		System.out.printf("webhooks: db=%s security=%s senders=%d: %,d accepted in %.1f s = %,.0f/s, p50 %s, p99 %s, "
				+ "max %s, non-200: %s%n", db, security, number("senders"), result.windowAccepted(), seconds,
				result.windowAccepted() / seconds, millis(latencies, 50), millis(latencies, 99), millis(latencies, 100),
				failures(result));
		double windowNanos = window.toNanos();
		System.out.printf("  run %d: %s; stored %,d rows for %,d accepted (warm-up included), %,d distinct ids, %,d other "
				+ "rows; handled %,d (%,d events, %,d codes issued for %,d code-bearing), %,d dead; %,d were still "
				+ "unhandled at the last answer, all handled %.1f s later; CPU in the window: process %.2f cores (senders %.2f), machine %s: %s%n", run,
				securityState, found.get("stored"), result.accepted(), found.get("distinctIds"), found.get("otherRows"),
				found.get("handled"), found.get("events"), found.get("codes"), result.acceptedWithCode(),
				found.get("dead"), backlog, drainMillis / 1000.0, (atEnd.processNanos() - atStart.get().processNanos()) / windowNanos,
				result.senderCpuNanos() / windowNanos, atStart.get().machineBusy(atEnd),
				broken.isEmpty() ? "OK" : "NOT OK: " + String.join("; ", broken));
		return broken.isEmpty();
	}

	/**
	 * Proves the variant is what it claims: with security, the shop's chain guards other pages (a login
	 * redirect); without it, Spring Security is absent from the shop's class path.
	 */
	private static String checkSecurity(String base, boolean security, ClassLoader shopLoader, List<String> broken)
			throws IOException, InterruptedException {
		HttpResponse<Void> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
		String location = page.headers().firstValue("Location").orElse("");
		boolean securityLoaded = isPresent("org.springframework.security.web.SecurityFilterChain", shopLoader);
		if (security) {
			if (page.statusCode() != 302 || !location.endsWith("/login")) {
				broken.add("security=true but GET / answered " + page.statusCode() + " " + location);
			}
			return "GET / answered " + page.statusCode() + " to /login";
		}
		if (securityLoaded) {
			broken.add("security=false but Spring Security is on the shop's class path");
		}
		return "no Spring Security on the class path, GET / answered " + page.statusCode();
	}

	private static boolean isPresent(String className, ClassLoader loader) {
		try {
			Class.forName(className, false, loader);
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	/**
	 * Wait until the delivery engine has handled (or given up on) every stored delivery.
	 */
	private Map<String, Long> awaitHandled(Supplier<Map<String, Long>> counts, long lastAnswerNanos)
			throws InterruptedException {
		long deadline = lastAnswerNanos + Duration.ofSeconds(number("drainSeconds")).toNanos();
		Map<String, Long> found = counts.get();
		while (unhandled(found) > 0 && System.nanoTime() < deadline) {
			// Not too often: counting scans the table, on the database the engine is working on.
			Thread.sleep(250);
			found = counts.get();
		}
		return found;
	}

	private static long unhandled(Map<String, Long> counts) {
		return counts.get("stored") - counts.get("handled") - counts.get("dead");
	}

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
		if (found.get("handled") != result.accepted()) {
			broken.add(found.get("handled") + " handled (" + found.get("dead") + " dead) of " + result.accepted());
		}
		if (found.get("events") != result.accepted() || found.get("eventDeliveries") != result.accepted()) {
			broken.add(found.get("events") + " events for " + found.get("eventDeliveries") + " deliveries, expected one "
					+ "for each of " + result.accepted());
		}
		if (found.get("codes") != result.acceptedWithCode() || found.get("codeDeliveries") != result.acceptedWithCode()) {
			broken.add(found.get("codes") + " codes issued for " + found.get("codeDeliveries") + " deliveries, expected "
					+ "one for each of " + result.acceptedWithCode());
		}
		if (result.failureCount() > 0) {
			broken.add(result.failureCount() + " answers were not 200");
		}
		if (result.duplicates() > 0) {
			broken.add(result.duplicates() + " unique deliveries were answered as duplicates");
		}
	}

	private @Nullable Recording startRecording(String db, boolean security, int run) {
		String directory = this.options.get("jfr");
		if (directory.isBlank()) {
			return null;
		}
		try {
			Files.createDirectories(Path.of(directory));
			Recording recording = new Recording(Configuration.getConfiguration("profile"));
			recording.setDestination(Path.of(directory, "webhooks-" + db + "-security-" + security + "-" + run + ".jfr"));
			recording.start();
			return recording;
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("cannot record a profile in " + directory, ex);
		}
	}

	/**
	 * The shop's class path: the benchmark's own, without Spring Security's jars for security=false, with no parent
	 * but the JDK's, so nothing of the shop is shared with the benchmark.
	 */
	private static URLClassLoader shopClassLoader(boolean security) throws MalformedURLException {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Path.of(entry);
			String name = path.getFileName().toString();
			if (!security && SECURITY_JARS.stream().anyMatch(name::startsWith)) {
				continue;
			}
			urls.add(path.toUri().toURL());
		}
		return new URLClassLoader("influence4j-intake-shop", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
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

	private static String millis(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return "-";
		}
		int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
		double millis = sorted[Math.max(0, index)] / 1_000_000.0;
		return (millis < 10) ? String.format("%.1f ms", millis) : String.format("%.0f ms", millis);
	}

	private int number(String name) {
		return Integer.parseInt(this.options.get(name));
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	/**
	 * CPU used so far by this process and, where {@code /proc/stat} exists, by the whole machine.
	 */
	private record CpuSnapshot(long processNanos, long @Nullable [] machineTicks) {

		static CpuSnapshot now() {
			long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			return new CpuSnapshot(process, readMachineTicks());
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

		String machineBusy(CpuSnapshot later) {
			long[] before = this.machineTicks;
			long[] after = later.machineTicks;
			if (before == null || after == null || after[0] == before[0]) {
				return "unknown";
			}
			int cores = Runtime.getRuntime().availableProcessors();
			double busy = 1.0 - (double) (after[1] - before[1]) / (after[0] - before[0]);
			return String.format("%.2f of %d cores busy", busy * cores, cores);
		}

	}

	@Override
	public String toString() {
		return "WebhookIntakeBenchmark" + this.options;
	}

}
