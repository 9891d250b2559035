package dev.influence4j.benchmarks.webhooks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import dev.influence4j.test.InfluenceWebhookSamples;
import dev.influence4j.webhook.WebhookTopic;

/**
 * Closed-loop load: {@code senders} threads, each posting one delivery after the other to the webhook URL over
 * HTTP/1.1 (keep-alive), the way Influence.io does: a sample body of each topic in turn, {@code X-Webhook-Topic},
 * a unique {@code X-Webhook-Id}, {@code Content-Type: application/json}. Each sender has its own connection
 * ({@link Http1Connection}, {@code client=socket}) or all share the JDK's {@code HttpClient} ({@code client=jdk}).
 * Answers completed during the warm-up count towards the totals (they are stored too) but not towards the figures.
 */
final class WebhookSenders {

	private static final List<String> TOPICS = InfluenceWebhookSamples.TOPICS;

	static final Duration SLICE = Duration.ofSeconds(5);

	private final URI endpoint;

	private final int senders;

	private final String runId;

	private final boolean jdkClient;

	private final byte[][] bodies;

	private final LongAdder accepted = new LongAdder();

	private final LongAdder acceptedWithCode = new LongAdder();

	private final LongAdder duplicates = new LongAdder();

	/** Accepted deliveries by the {@link #SLICE} of the run their answer came in, warm-up included. */
	private final AtomicLongArray acceptedBySlice = new AtomicLongArray(1024);

	/** Status code (or -1 for no answer at all) to count, for every answer but an accepting 200. */
	private final Map<Integer, LongAdder> failures = new ConcurrentHashMap<>();

	WebhookSenders(URI endpoint, int senders, String runId, boolean jdkClient) {
		this.endpoint = endpoint;
		this.senders = senders;
		this.runId = runId;
		this.jdkClient = jdkClient;
		this.bodies = TOPICS.stream().map(InfluenceWebhookSamples::body).toArray(byte[][]::new);
	}

	/**
	 * Send until the end of the measurement window, then wait for the answers in flight.
	 * @param warmup how long to send before the window opens
	 * @param window how long the window stays open
	 * @param atWindowStart called once when the window opens
	 * @return what was measured in the window, and the totals
	 */
	Result run(Duration warmup, Duration window, Runnable atWindowStart) throws InterruptedException {
		HttpClient client = this.jdkClient
				? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
				: null;
		long start = System.nanoTime();
		long windowStart = start + warmup.toNanos();
		long windowEnd = windowStart + window.toNanos();
		List<Sender> all = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < this.senders; i++) {
			Sender sender = new Sender(client, i, start, windowStart, windowEnd);
			all.add(sender);
			Thread thread = new Thread(sender, "webhook-sender-" + i);
			threads.add(thread);
			thread.start();
		}
		long untilWindow = windowStart - System.nanoTime();
		if (untilWindow > 0) {
			Thread.sleep(untilWindow / 1_000_000, (int) (untilWindow % 1_000_000));
		}
		long clientCpuAtStart = jdkClientCpuNanos();
		atWindowStart.run();
		long untilEnd = windowEnd - System.nanoTime();
		if (untilEnd > 0) {
			Thread.sleep(untilEnd / 1_000_000, (int) (untilEnd % 1_000_000));
		}
		long clientCpu = jdkClientCpuNanos() - clientCpuAtStart;
		for (Thread thread : threads) {
			thread.join();
		}
		long lastAnswer = System.nanoTime();
		long senderCpu = clientCpu + all.stream().mapToLong((sender) -> sender.windowCpuNanos).sum();
		long[] latencies = all.stream().flatMapToLong((sender) -> Arrays.stream(sender.latencies, 0, sender.count))
			.sorted()
			.toArray();
		long windowAccepted = all.stream().mapToLong((sender) -> sender.windowAccepted).sum();
		Map<Integer, Long> failureCounts = new TreeMap<>();
		this.failures.forEach((status, count) -> failureCounts.put(status, count.sum()));
		long[] bySlice = new long[(int) Math.min(this.acceptedBySlice.length(),
				(lastAnswer - start + SLICE.toNanos() - 1) / SLICE.toNanos())];
		for (int i = 0; i < bySlice.length; i++) {
			bySlice[i] = this.acceptedBySlice.get(i);
		}
		return new Result(windowAccepted, latencies, this.accepted.sum(), this.acceptedWithCode.sum(),
				this.duplicates.sum(), failureCounts, senderCpu, lastAnswer, bySlice);
	}

	/**
	 * CPU time of the JDK client's own threads so far (the senders measure their own).
	 */
	private static long jdkClientCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith("HttpClient-")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	/**
	 * What the senders saw.
	 * @param windowAccepted deliveries accepted (200) with their answer inside the window
	 * @param latenciesNanos latencies of every answer completed inside the window, sorted
	 * @param accepted deliveries accepted in the whole run, warm-up included
	 * @param acceptedWithCode of those, deliveries of a topic that carries a reward code
	 * @param duplicates 200 answers saying "duplicate" (none expected: every id is unique)
	 * @param failures every other answer by status, -1 for a request that got no answer
	 * @param senderCpuNanos CPU time the sending side used during the window
	 * @param lastAnswerNanos when the last answer arrived ({@link System#nanoTime()})
	 * @param acceptedBySlice deliveries accepted in each {@link #SLICE} of the run, warm-up included
	 */
	record Result(long windowAccepted, long[] latenciesNanos, long accepted, long acceptedWithCode, long duplicates,
			Map<Integer, Long> failures, long senderCpuNanos, long lastAnswerNanos, long[] acceptedBySlice) {

		long failureCount() {
			return this.failures.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	private final class Sender implements Runnable {

		private final @Nullable HttpClient client;

		private final @Nullable Http1Connection connection;

		private final int number;

		private final long start;

		private final long windowStart;

		private final long windowEnd;

		private long[] latencies = new long[16_384];

		private int count;

		private long windowAccepted;

		private long windowCpuNanos;

		Sender(@Nullable HttpClient client, int number, long start, long windowStart, long windowEnd) {
			this.client = client;
			this.connection = (client != null) ? null : new Http1Connection(WebhookSenders.this.endpoint);
			this.number = number;
			this.start = start;
			this.windowStart = windowStart;
			this.windowEnd = windowEnd;
		}

		@Override
		public void run() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long cpuAtWindowStart = -1;
			// Senders start on different topics so that every topic is in flight at any time.
			for (long sequence = 0; System.nanoTime() < this.windowEnd; sequence++) {
				if (cpuAtWindowStart < 0 && System.nanoTime() >= this.windowStart) {
					cpuAtWindowStart = threads.getCurrentThreadCpuTime();
				}
				int topic = (int) ((this.number + sequence) % TOPICS.size());
				String id = "bench-" + WebhookSenders.this.runId + "-" + this.number + "-" + sequence;
				long sent = System.nanoTime();
				int status = send(TOPICS.get(topic), id, WebhookSenders.this.bodies[topic]);
				long answered = System.nanoTime();
				if (answered >= this.windowStart && answered < this.windowEnd) {
					record(answered - sent);
					if (status == 200) {
						this.windowAccepted++;
					}
				}
				if (status == 200) {
					WebhookSenders.this.accepted.increment();
					int slice = (int) ((answered - this.start) / SLICE.toNanos());
					if (slice < WebhookSenders.this.acceptedBySlice.length()) {
						WebhookSenders.this.acceptedBySlice.incrementAndGet(slice);
					}
					if (WebhookTopic.fromWireName(TOPICS.get(topic)).map(WebhookTopic::carriesRewardCode).orElse(false)) {
						WebhookSenders.this.acceptedWithCode.increment();
					}
				}
			}
			this.windowCpuNanos = (cpuAtWindowStart < 0) ? 0 : threads.getCurrentThreadCpuTime() - cpuAtWindowStart;
			if (this.connection != null) {
				this.connection.close();
			}
		}

		/**
		 * @return 200 for an accepting answer, 0 for a 200 that says duplicate, otherwise the status or -1
		 */
		private int send(String topic, String id, byte[] body) {
			int status;
			String answer;
			try {
				if (this.connection != null) {
					Http1Connection.Answer received = this.connection.post("Content-Type: application/json\r\n"
							+ "X-Webhook-Topic: " + topic + "\r\nX-Webhook-Id: " + id + "\r\n", body);
					status = received.status();
					answer = received.body();
				}
				else {
					HttpRequest request = HttpRequest.newBuilder(WebhookSenders.this.endpoint)
						.timeout(Duration.ofSeconds(30))
						.header("Content-Type", "application/json")
						.header("X-Webhook-Topic", topic)
						.header("X-Webhook-Id", id)
						.POST(HttpRequest.BodyPublishers.ofByteArray(body))
						.build();
					HttpResponse<String> received = Objects.requireNonNull(this.client)
						.send(request, HttpResponse.BodyHandlers.ofString());
					status = received.statusCode();
					answer = received.body();
				}
			}
			catch (IOException ex) {
				failed(-1);
				return -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed(-1);
				return -1;
			}
			if (status == 200 && answer.contains("duplicate")) {
				WebhookSenders.this.duplicates.increment();
				return 0;
			}
			if (status != 200) {
				failed(status);
			}
			return status;
		}

		private void failed(int status) {
			WebhookSenders.this.failures.computeIfAbsent(status, (key) -> new LongAdder()).increment();
		}

		private void record(long latencyNanos) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = latencyNanos;
		}

	}

}
