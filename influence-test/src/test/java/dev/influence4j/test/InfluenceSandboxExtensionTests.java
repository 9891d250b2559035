package dev.influence4j.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The JUnit extension's lifecycle, checked by running a fixture class through the JUnit launcher: one
 * sandbox per class shared by nested classes, reset before each test, injected, closed afterwards.
 */
class InfluenceSandboxExtensionTests {

	@Test
	void oneSandboxPerClassIsResetBeforeEachTestAndClosedAfterTheClass() {
		LifecycleFixture.seen.clear();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();

		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(LifecycleFixture.class)).build(),
					listener);

		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
		assertThat(LifecycleFixture.seen).hasSizeGreaterThanOrEqualTo(4);
		assertThat(LifecycleFixture.seen).allSatisfy((sandbox) -> assertThat(sandbox).isSameAs(LifecycleFixture.seen.get(0)));
		assertThat(LifecycleFixture.seen.get(0).isRunning()).isFalse();
	}

	/**
	 * Run only through the launcher above: surefire skips nested classes, and Jupiter does not run static
	 * nested classes of a test class.
	 */
	@InfluenceSandboxTest(apiKey = "fixture-key", shopKey = "fixture-shop")
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class LifecycleFixture {

		static final List<InfluenceSandbox> seen = new CopyOnWriteArrayList<>();

		LifecycleFixture(InfluenceSandbox sandbox) {
			seen.add(sandbox);
		}

		@Test
		@Order(1)
		void firstTestLeavesStateBehind(InfluenceSandbox sandbox) {
			seen.add(sandbox);
			assertThat(sandbox.isRunning()).isTrue();
			assertThat(sandbox.apiKey()).isEqualTo("fixture-key");
			assertThat(sandbox.shopKey()).isEqualTo("fixture-shop");
			sandbox.addCustomer("c-1", "jane@example.com", 10);
			sandbox.faults().failNext(1, 500);
			new RawHttp(sandbox).platform("GET", "/v1/customers/c-1", null);
			sandbox.faults().failNext(1, 500);
		}

		@Test
		@Order(2)
		void secondTestStartsClean(InfluenceSandbox sandbox) {
			seen.add(sandbox);
			assertThat(sandbox.customers()).isEmpty();
			assertThat(sandbox.journal().requests()).isEmpty();
			assertThat(new RawHttp(sandbox).platform("GET", "/v1/customers", null).status()).isEqualTo(200);
		}

		@Nested
		class NestedTests {

			@Test
			void nestedClassSharesTheSandbox(InfluenceSandbox sandbox) {
				seen.add(sandbox);
				assertThat(sandbox.customers()).isEmpty();
			}

		}

	}

}
