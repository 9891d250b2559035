package dev.influence4j.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A shop's webhook endpoint for tests: a local server that records what it receives and answers with
 * chosen statuses (200 unless told otherwise).
 */
final class RecordingWebhookEndpoint implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	RecordingWebhookEndpoint() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			int status;
			synchronized (this) {
				this.received.add(new Received(exchange.getRequestMethod(),
						exchange.getRequestHeaders().getFirst("X-Webhook-Topic"),
						exchange.getRequestHeaders().getFirst("X-Webhook-Id"),
						exchange.getRequestHeaders().getFirst("Content-Type"), RawHttp.JSON.readTree(body)));
				status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	URI address() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/influence/webhooks/s3cr3t");
	}

	/** Answer the next deliveries with these statuses, then 200 again. */
	synchronized RecordingWebhookEndpoint answer(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
		return this;
	}

	synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

	synchronized List<Received> received(String topic) {
		return this.received.stream().filter((each) -> topic.equals(each.topic())).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * One delivery as the shop saw it.
	 *
	 * @param method the method
	 * @param topic the X-Webhook-Topic header
	 * @param webhookId the X-Webhook-Id header
	 * @param contentType the Content-Type header
	 * @param body the JSON body
	 */
	record Received(String method, String topic, String webhookId, String contentType, JsonNode body) {

	}

}
