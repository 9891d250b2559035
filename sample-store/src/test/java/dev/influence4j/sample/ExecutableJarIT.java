package dev.influence4j.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.influence4j.platform.PlatformClient;
import dev.influence4j.platform.WebhookSubscription;
import dev.influence4j.sample.sandbox.SandboxServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, run as the README runs it: {@code java -jar}, in a process of its own. Run by Failsafe after
 * {@code package}, which made the jar executable; the jar's path comes in as the system property
 * {@code store.jar}. Each process's output goes to {@code target/it-logs}.
 */
class ExecutableJarIT {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stopProcesses() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroy();
		}
		for (Process process : this.processes) {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void javaDashJarStartsTheStoreWhichServesItsHomePageUntilStopped() throws Exception {
		int port = freePort();
		Path log = logFile("store");
		Process store = start(log, "-jar", jar(), "--server.port=" + port);

		awaitHomePage(store, log, port);
		assertThat(get("http://localhost:" + port + "/").body()).contains("Blue enamel mug");

		store.destroy();
		assertThat(store.waitFor(30, TimeUnit.SECONDS)).as("the store stops when asked").isTrue();
		assertThat(Files.readString(log)).contains("Started SampleStoreApplication");
	}

	/**
	 * Spring Boot's "AOT on the JVM": the jar that the {@code aot} profile built starts from the bean definitions
	 * generated at build time, reports up, and serves its home page (the demo data came through influence4j's
	 * clients from the embedded sandbox, the widget fragment rendered).
	 */
	@Test
	@EnabledIfSystemProperty(named = "store.aot", matches = "true",
			disabledReason = "the jar was not processed ahead of time: build with -Paot")
	void processedAheadOfTimeTheJarStartsWithAotEnabledAndReportsUp() throws Exception {
		int port = freePort();
		Path log = logFile("store-aot");
		Process store = start(log, "-Dspring.aot.enabled=true", "-jar", jar(), "--server.port=" + port);

		awaitHomePage(store, log, port);
		HttpResponse<String> health = get("http://localhost:" + port + "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(get("http://localhost:" + port + "/").body()).contains("Blue enamel mug")
			.contains("class=\"influenceio-widgets-init\" data-shop=\"sample-store\"");
		assertThat(Files.readString(log)).contains("Starting AOT-processed SampleStoreApplication");
	}

	@Test
	void theSameJarStartsASandboxOfItsOwnThatANodeUsesAndSubscribesItsWebhooksTo() throws Exception {
		int sandboxPort = freePort();
		Path sandboxLog = logFile("sandbox");
		Process sandbox = start(sandboxLog, "-Dloader.main=" + SandboxServer.class.getName(), "-jar", jar(),
				"--port=" + sandboxPort);
		PlatformClient platform = PlatformClient.builder()
			.apiKey("sandbox-api-key")
			.baseUrl("http://127.0.0.1:" + sandboxPort)
			.build();
		await().atMost(STARTUP).until(() -> {
			assertThat(sandbox.isAlive()).as("the sandbox is running; its log: %s", tail(sandboxLog)).isTrue();
			return Files.readString(sandboxLog).contains("Influence.io sandbox listening on");
		});

		int port = freePort();
		Path log = logFile("node");
		Process node = start(log, "-jar", jar(), "--spring.profiles.active=shared-sandbox", "--server.port=" + port,
				"--sample.sandbox.url=http://127.0.0.1:" + sandboxPort);
		awaitHomePage(node, log, port);

		// The node subscribed its own webhook URL in the other process, and its demo products arrive there.
		assertThat(platform.webhooks().list()).extracting(WebhookSubscription::address)
			.hasSize(4)
			.allSatisfy((address) -> assertThat(URI.create(address).getPort()).isEqualTo(port));
		await().atMost(Duration.ofSeconds(30)).until(() -> platform.products().list().count() == 5);
	}

	private void awaitHomePage(Process process, Path log, int port) {
		await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("the store is running; its log: %s", tail(log)).isTrue();
			try {
				return get("http://localhost:" + port + "/").statusCode() == 200;
			}
			catch (ConnectException | HttpTimeoutException ex) {
				// Not listening yet, or too busy starting to answer on a loaded machine.
				return false;
			}
		});
	}

	private Process start(Path log, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.processes.add(process);
		return process;
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String jar() {
		String jar = System.getProperty("store.jar");
		assertThat(jar).as("system property store.jar (set by the pom's Failsafe configuration)").isNotBlank();
		assertThat(Path.of(jar)).isRegularFile();
		return jar;
	}

	private static Path logFile(String name) throws IOException {
		Path directory = Files.createDirectories(Path.of("target", "it-logs"));
		return directory.resolve(name + "-" + System.nanoTime() + ".log");
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
