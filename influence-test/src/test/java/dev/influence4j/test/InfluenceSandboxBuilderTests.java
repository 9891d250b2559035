package dev.influence4j.test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Configuring, starting and closing a sandbox by hand.
 */
class InfluenceSandboxBuilderTests {

	@Test
	void defaultsNeedNoConfiguration() {
		try (InfluenceSandbox sandbox = InfluenceSandbox.builder().start()) {
			assertThat(sandbox.apiKey()).isEqualTo("test-api-key");
			assertThat(sandbox.shopKey()).isEqualTo("test-shop");
			assertThat(sandbox.platformBaseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
			assertThat(sandbox.launcherBaseUrl()).isEqualTo(sandbox.platformBaseUrl() + "/launcher");
			assertThat(sandbox.redeemRules()).extracting(SandboxRedeemRule::pointCost).containsExactly(500L, 1000L);
			assertThat(sandbox.start()).isSameAs(sandbox);
		}
	}

	@Test
	void listensOnAChosenPort() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}

		try (InfluenceSandbox sandbox = InfluenceSandbox.builder().port(port).start()) {
			assertThat(sandbox.port()).isEqualTo(port);
			assertThat(new RawHttp(sandbox).platform("GET", "/v1/customers", null).status()).isEqualTo(200);
		}
	}

	@Test
	void onlyStartingSetsTheHttpServerNoDelayPropertyAndAValueSetAlreadyStays() {
		String before = System.getProperty(InfluenceSandbox.NO_DELAY_PROPERTY);
		try {
			System.clearProperty(InfluenceSandbox.NO_DELAY_PROPERTY);
			try (InfluenceSandbox sandbox = InfluenceSandbox.builder().build()) {
				assertThat(System.getProperty(InfluenceSandbox.NO_DELAY_PROPERTY)).isNull();
				sandbox.start();
				assertThat(System.getProperty(InfluenceSandbox.NO_DELAY_PROPERTY)).isEqualTo("true");
			}
			System.setProperty(InfluenceSandbox.NO_DELAY_PROPERTY, "false");
			try (InfluenceSandbox sandbox = InfluenceSandbox.builder().start()) {
				assertThat(sandbox.isRunning()).isTrue();
				assertThat(System.getProperty(InfluenceSandbox.NO_DELAY_PROPERTY)).isEqualTo("false");
			}
		}
		finally {
			if (before != null) {
				System.setProperty(InfluenceSandbox.NO_DELAY_PROPERTY, before);
			}
			else {
				System.clearProperty(InfluenceSandbox.NO_DELAY_PROPERTY);
			}
		}
	}

	@Test
	void closedSandboxCannotBeRestarted() {
		InfluenceSandbox sandbox = InfluenceSandbox.builder().build();
		assertThatIllegalStateException().isThrownBy(sandbox::port);
		sandbox.start();

		sandbox.close();
		sandbox.close();

		assertThat(sandbox.isRunning()).isFalse();
		assertThat(sandbox.toString()).contains("closed");
		assertThatIllegalStateException().isThrownBy(sandbox::start);
	}

	@Test
	void inconsistentSettingsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InfluenceSandbox.builder().earningStatuses("paid").deductingStatuses("paid").build())
			.withMessageContaining("paid");
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceSandbox.builder().earningStatuses("captured"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InfluenceSandbox.builder().pointsPerCurrencyUnit(BigDecimal.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceSandbox.builder().pageSize(0));
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceSandbox.builder().apiKey(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> InfluenceSandbox.builder()
			.redeemRules(SandboxRedeemRule.freeShipping("same", 10), SandboxRedeemRule.percentageOff("same", 20, 5)));
		assertThatIllegalArgumentException().isThrownBy(() -> SandboxRedeemRule.percentageOff("r", 100, 101));
	}

	@Test
	void subscribingNeedsAKnownTopicAndAnAbsoluteAddress() {
		try (InfluenceSandbox sandbox = InfluenceSandbox.builder().start()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> sandbox.subscribe("orders/created", URI.create("http://localhost/h")));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> sandbox.subscribe("points/earned", URI.create("/relative")));
			String id = sandbox.subscribe("points/earned", URI.create("http://localhost/h"));
			assertThat(sandbox.unsubscribe(id)).isTrue();
			assertThat(sandbox.unsubscribe(id)).isFalse();
		}
	}

}
