package dev.influence4j.test;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Injected faults: errors, late answers and dropped connections, counted, scoped or by ratio.
 */
@InfluenceSandboxTest
class FaultInjectionTests {

	private final InfluenceSandbox sandbox;

	private final RawHttp http;

	FaultInjectionTests(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new RawHttp(sandbox);
	}

	@Test
	void failNextAnswersTheStatusWithoutProcessingThenRecovers() {
		this.sandbox.faults().failNext(2, 503);

		RawHttp.Response first = this.http.platform("POST", "/v1/orders", RawHttp.order("1", null, "paid", "10.00"));
		RawHttp.Response second = this.http.platform("POST", "/v1/orders", RawHttp.order("1", null, "paid", "10.00"));
		assertThat(this.sandbox.orders()).isEmpty();
		RawHttp.Response third = this.http.platform("POST", "/v1/orders", RawHttp.order("1", null, "paid", "10.00"));

		assertThat(first.status()).isEqualTo(503);
		assertThat(first.body().path("message").asString()).contains("503");
		assertThat(second.status()).isEqualTo(503);
		assertThat(third.status()).isEqualTo(200);
		assertThat(this.sandbox.orders()).hasSize(1);
		assertThat(this.sandbox.journal().requests()).extracting(RecordedRequest::fault)
			.containsExactly("fail", "fail", null);
	}

	@Test
	void failuresOnTheLauncherUseItsErrorShape() {
		this.sandbox.faults().failNext(1, 429);

		RawHttp.Response answer = this.http.launcherGet("/v1/shop", java.util.Map.of("shop", "test-shop"));

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.body().path("error").asString()).isEqualTo("InjectedFault");
	}

	@Test
	void delayedAnswerTimesTheClientOutAlthoughTheOrderIsStored() {
		this.sandbox.faults().delayNext(1, Duration.ofMillis(1500));

		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> this.http.platform("POST", "/v1/orders",
				RawHttp.order("1001", null, "paid", "10.00"), Duration.ofMillis(300)));

		assertThat(this.sandbox.order("1001")).hasValueSatisfying((order) -> assertThat(order.earned()).isTrue());
		assertThat(this.sandbox.journal().requests("POST", "/v1/orders")).singleElement().satisfies((request) -> {
			assertThat(request.status()).isEqualTo(200);
			assertThat(request.fault()).isEqualTo("delay");
		});
	}

	@Test
	void dropAfterProcessingClosesTheConnectionButKeepsTheChange() {
		this.sandbox.faults().dropNext(1);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.http.platform("POST", "/v1/orders",
				RawHttp.order("1001", null, "paid", "10.00"), Duration.ofSeconds(5)));

		assertThat(this.sandbox.order("1001")).isPresent();
		assertThat(this.sandbox.journal().requests()).singleElement().satisfies((request) -> {
			assertThat(request.status()).isZero();
			assertThat(request.fault()).isEqualTo("drop-after");
		});
	}

	@Test
	void dropBeforeProcessingClosesTheConnectionAndChangesNothing() {
		this.sandbox.faults().dropNext(1, DropTiming.BEFORE_PROCESSING);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.http.platform("POST", "/v1/orders",
				RawHttp.order("1001", null, "paid", "10.00"), Duration.ofSeconds(5)));

		assertThat(this.sandbox.order("1001")).isEmpty();
		assertThat(this.http.platform("POST", "/v1/orders", RawHttp.order("1001", null, "paid", "10.00")).status())
			.isEqualTo(200);
	}

	@Test
	void scopedFaultsHitOnlyMatchingRequests() {
		this.sandbox.faults().on("POST", "/v1/orders").failNext(1, 500);
		this.sandbox.faults().onPath("/launcher/").failNext(1, 502);

		assertThat(this.http.platform("GET", "/v1/orders/1", null).status()).isEqualTo(404);
		assertThat(this.http.platform("PUT", "/v1/customers/c-1", RawHttp.json("{\"email\":\"a@b.c\"}")).status())
			.isEqualTo(200);
		assertThat(this.http.platform("POST", "/v1/orders", RawHttp.order("1", null, "paid", "1.00")).status())
			.isEqualTo(500);
		assertThat(this.http.launcherGet("/v1/shop", java.util.Map.of("shop", "test-shop")).status()).isEqualTo(502);
		assertThat(this.http.platform("POST", "/v1/orders", RawHttp.order("1", null, "paid", "1.00")).status())
			.isEqualTo(200);
	}

	@Test
	void failRatioHitsAReproducibleShareOfCalls() {
		List<Integer> firstRun = statusesWithRatio(42L);
		List<Integer> secondRun = statusesWithRatio(42L);

		assertThat(firstRun).isEqualTo(secondRun);
		long failures = firstRun.stream().filter((status) -> status == 503).count();
		assertThat(failures).isBetween(20L, 80L);
		assertThat(firstRun).containsOnly(200, 503);
	}

	@Test
	void clearRemovesEveryFault() {
		this.sandbox.faults().failNext(5, 500).failRatio(1.0, 503);

		this.sandbox.faults().clear();

		assertThat(this.http.platform("GET", "/v1/customers", null).status()).isEqualTo(200);
	}

	@Test
	void faultArgumentsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.sandbox.faults().failNext(1, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sandbox.faults().failNext(0, 500));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sandbox.faults().failRatio(1.5, 500));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sandbox.faults().delayNext(1, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sandbox.faults().onPath("v1"));
	}

	private List<Integer> statusesWithRatio(long seed) {
		this.sandbox.reset();
		this.sandbox.faults().onPath("/v1/customers").failRatio(0.5, 503, seed);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			statuses.add(this.http.platform("GET", "/v1/customers", null).status());
		}
		return statuses;
	}

}
