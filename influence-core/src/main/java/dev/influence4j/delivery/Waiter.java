package dev.influence4j.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * Where the delivery loop waits, as db-scheduler's {@code Waiter}: a wake during the wait ends it, a wake
 * before it skips it, and a deadline ({@link #wakeBy}) shortens it, so an entry rescheduled for a moment
 * sooner than the next poll is claimed at that moment.
 */
final class Waiter {

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition woken = this.lock.newCondition();

	private boolean signalled;

	private boolean closed;

	private @Nullable Instant deadline;

	Waiter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * End the current wait, or skip the next one.
	 */
	void wake() {
		this.lock.lock();
		try {
			this.signalled = true;
			this.woken.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Make the next wait end at this time at the latest.
	 * @param at the time
	 */
	void wakeBy(Instant at) {
		this.lock.lock();
		try {
			if (this.deadline == null || at.isBefore(this.deadline)) {
				this.deadline = at;
				this.woken.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Wait until woken, until the deadline, or for at most the given time.
	 * @param max the longest wait
	 * @throws InterruptedException when interrupted
	 */
	void await(Duration max) throws InterruptedException {
		this.lock.lock();
		try {
			while (!this.signalled && !this.closed) {
				Instant now = this.clock.instant();
				Duration left = max;
				if (this.deadline != null) {
					Duration toDeadline = Duration.between(now, this.deadline);
					if ((toDeadline.isNegative() || toDeadline.isZero())) {
						this.deadline = null;
						break;
					}
					left = (toDeadline.compareTo(left) < 0) ? toDeadline : left;
				}
				if ((left.isNegative() || left.isZero())) {
					break;
				}
				long started = System.nanoTime();
				this.woken.awaitNanos(left.toNanos());
				max = max.minusNanos(System.nanoTime() - started);
			}
			this.signalled = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * End every wait, now and later (on shutdown).
	 */
	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.woken.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

}
