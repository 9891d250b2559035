package dev.influence4j.sample.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import dev.influence4j.test.InfluenceSandbox;

/**
 * The demo shop's Influence.io sandbox as a process of its own, for several store nodes to share (each node
 * embedding its own would give each a different Influence.io). From the store's executable jar:
 * <pre>
 * java -Dloader.main=dev.influence4j.sample.sandbox.SandboxServer -jar influence-sample-store.jar [--port=9090]
 * </pre>
 * Then start the nodes with the {@code shared-sandbox} profile. Other arguments: {@code --api-key=...} and
 * {@code --shop-key=...} (the defaults are the store's). It listens on 127.0.0.1 only, keeps everything in
 * memory, and runs until it is stopped.
 */
public final class SandboxServer {

	/** The port unless {@code --port} says otherwise; {@code application-shared-sandbox.yml} expects it. */
	public static final int DEFAULT_PORT = 9090;

	private SandboxServer() {
	}

	/**
	 * Start the sandbox and wait until the process is stopped.
	 * @param args {@code --port=}, {@code --api-key=} and {@code --shop-key=}, each optional
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		Map<String, String> settings = settings(args);
		InfluenceSandbox sandbox = DemoSandbox
			.builder(setting(settings, "api-key"), setting(settings, "shop-key"),
					Integer.parseInt(setting(settings, "port")))
			.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			sandbox.close();
			stopped.countDown();
		}, "sandbox-shutdown"));
		// Standard output rather than a logger: without Spring Boot to configure it, Logback would print every
		// library's debug lines.
		System.out.println("Influence.io sandbox listening on " + sandbox.platformBaseUrl() + " (API key "
				+ sandbox.apiKey() + ", shop key " + sandbox.shopKey() + "); stop it with Ctrl+C");
		// The sandbox's own threads are daemons: this one keeps the process alive.
		stopped.await();
	}

	private static String setting(Map<String, String> settings, String name) {
		// settings(args) starts from a default for every name.
		return Objects.requireNonNull(settings.get(name), name);
	}

	private static Map<String, String> settings(String[] args) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("port", Integer.toString(DEFAULT_PORT));
		settings.put("api-key", EmbeddedSandbox.DEFAULT_API_KEY);
		settings.put("shop-key", EmbeddedSandbox.DEFAULT_SHOP_KEY);
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : "";
			if (!settings.containsKey(name)) {
				throw new IllegalArgumentException("unknown argument " + arg + ": expected --port=, --api-key= or "
						+ "--shop-key=");
			}
			settings.put(name, arg.substring(equals + 1));
		}
		return settings;
	}

}
