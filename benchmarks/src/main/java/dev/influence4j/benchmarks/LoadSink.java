package dev.influence4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for Influence.io in the load harnesses: it answers every request with the
 * same JSON after a fixed latency, and hands each body to a consumer.
 */
final class LoadSink implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger received = new AtomicInteger();

	private LoadSink(HttpServer server) {
		this.server = server;
	}

	static LoadSink start(int latencyMillis, String answerJson, Consumer<String> bodies) throws IOException {
		// Without TCP_NODELAY the JDK's HTTP server adds tens of milliseconds to every small answer.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		server.setExecutor(Executors.newFixedThreadPool(64));
		LoadSink sink = new LoadSink(server);
		server.createContext("/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				bodies.accept(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			if (latencyMillis > 0) {
				LockSupport.parkNanos(Duration.ofMillis(latencyMillis).toNanos());
			}
			sink.received.incrementAndGet();
			byte[] answer = answerJson.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
		return sink;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	int received() {
		return this.received.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
