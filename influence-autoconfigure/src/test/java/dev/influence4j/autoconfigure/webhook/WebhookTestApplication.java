package dev.influence4j.autoconfigure.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import dev.influence4j.webhook.InfluenceWebhookEvent;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.RewardCodeIssuer;

/**
 * A shop with the starter, H2, Spring Security's defaults (every path needs a login, POSTs need a CSRF token)
 * and a {@link RewardCodeIssuer} that records the codes it creates.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebhookTestApplication {

	static final String SECRET = "test-webhook-secret-0123456789abcdefghijkl";

	@Bean
	RecordingIssuer recordingIssuer() {
		return new RecordingIssuer();
	}

	@Bean
	WebhookEventLog webhookEventLog() {
		return new WebhookEventLog();
	}

	/**
	 * Creates codes idempotently, as the SPI asks, and can be told to fail first.
	 */
	static final class RecordingIssuer implements RewardCodeIssuer {

		final List<RewardCode> calls = new CopyOnWriteArrayList<>();

		final List<String> created = new CopyOnWriteArrayList<>();

		final AtomicInteger failuresToCome = new AtomicInteger();

		@Override
		public void issue(RewardCode code) {
			this.calls.add(code);
			if (this.failuresToCome.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				throw new IllegalStateException("the shop's discount service is down");
			}
			if (!this.created.contains(code.couponCode())) {
				this.created.add(code.couponCode());
			}
		}

		void reset() {
			this.calls.clear();
			this.created.clear();
			this.failuresToCome.set(0);
		}

	}

	/**
	 * Listens to every webhook event, as a shop's listener would.
	 */
	static final class WebhookEventLog {

		final List<InfluenceWebhookEvent<?>> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(InfluenceWebhookEvent<?> event) {
			this.events.add(event);
		}

	}

}
