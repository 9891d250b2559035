package dev.influence4j.sample.sandbox;

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
		InfluenceSandbox sandbox = DemoSandbox
			.builder(argument(args, "api-key", EmbeddedSandbox.DEFAULT_API_KEY),
					argument(args, "shop-key", EmbeddedSandbox.DEFAULT_SHOP_KEY),
					Integer.parseInt(argument(args, "port", Integer.toString(DEFAULT_PORT))))
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

	private static String argument(String[] args, String name, String fallback) {
		String prefix = "--" + name + "=";
		String value = fallback;
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				value = arg.substring(prefix.length());
			}
			else if (!arg.startsWith("--port=") && !arg.startsWith("--api-key=") && !arg.startsWith("--shop-key=")) {
				throw new IllegalArgumentException("unknown argument " + arg + ": expected --port=, --api-key= or "
						+ "--shop-key=");
			}
		}
		return value;
	}

}
