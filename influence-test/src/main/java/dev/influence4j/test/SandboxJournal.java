package dev.influence4j.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every request the sandbox received, in arrival order. Thread-safe; the lists it hands out are copies.
 */
public final class SandboxJournal {

	private final List<RecordedRequest> requests = new ArrayList<>();

	SandboxJournal() {
	}

	synchronized void record(RecordedRequest request) {
		this.requests.add(request);
	}

	/**
	 * Every recorded request.
	 * @return the requests, oldest first
	 */
	public synchronized List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * The recorded requests that match a condition.
	 * @param condition the condition
	 * @return the requests, oldest first
	 */
	public synchronized List<RecordedRequest> requests(Predicate<RecordedRequest> condition) {
		return this.requests.stream().filter(condition).toList();
	}

	/**
	 * The recorded requests with a method and exact path.
	 * @param method the HTTP method, in any case
	 * @param path the exact path, for example {@code /v1/orders}
	 * @return the requests, oldest first
	 */
	public List<RecordedRequest> requests(String method, String path) {
		return requests((request) -> request.method().equalsIgnoreCase(method) && request.path().equals(path));
	}

	/**
	 * The recorded requests the sandbox took for an operation.
	 * @param operation the operation, for example {@code platform.orders.create} or
	 * {@code launcher.customer.redeem}
	 * @return the requests, oldest first
	 */
	public List<RecordedRequest> requestsFor(String operation) {
		return requests((request) -> request.operation().equals(operation));
	}

	/**
	 * The most recent request.
	 * @return the request, or empty when none was recorded
	 */
	public synchronized Optional<RecordedRequest> last() {
		return this.requests.isEmpty() ? Optional.empty() : Optional.of(this.requests.get(this.requests.size() - 1));
	}

	/**
	 * Forget every recorded request.
	 */
	public synchronized void clear() {
		this.requests.clear();
	}

	@Override
	public synchronized String toString() {
		StringBuilder text = new StringBuilder("SandboxJournal[").append(this.requests.size()).append(" requests");
		for (RecordedRequest request : this.requests) {
			text.append(System.lineSeparator()).append("  ").append(request);
		}
		return text.append(']').toString();
	}

}
