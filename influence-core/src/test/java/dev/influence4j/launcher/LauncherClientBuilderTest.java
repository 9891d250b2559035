package dev.influence4j.launcher;

import org.junit.jupiter.api.Test;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a Launcher client needs before it can be built.
 */
class LauncherClientBuilderTest {

	@Test
	void buildsFromAnApiKeyAndAShopKey() {
		LauncherClient launcher = LauncherClient.builder().apiKey("secret-key").shopKey("example-com").build();

		assertThat(launcher.shopKey()).isEqualTo("example-com");
		assertThat(launcher.toString()).contains("example-com").doesNotContain("secret-key");
	}

	@Test
	void buildsFromAReadyCustomerDigest() {
		LauncherClient launcher = LauncherClient.builder()
			.customerDigest(CustomerDigest.of("secret-key", "example-com"))
			.build();

		assertThat(launcher.shopKey()).isEqualTo("example-com");
	}

	@Test
	void requiresAShopKey() {
		assertThatIllegalStateException().isThrownBy(() -> LauncherClient.builder().apiKey("secret-key").build())
			.withMessageContaining("shop key");
	}

	@Test
	void requiresAnApiKey() {
		assertThatIllegalStateException().isThrownBy(() -> LauncherClient.builder().shopKey("example-com").build())
			.withMessageContaining("API key");
	}

	@Test
	void refusesBothAnApiKeyAndACustomerDigest() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LauncherClient.builder()
				.apiKey("secret-key")
				.customerDigest(CustomerDigest.of("secret-key", "example-com"))
				.build())
			.withMessageContaining("not both")
			.withMessageNotContaining("secret-key");
	}

	@Test
	void refusesAShopKeyThatDiffersFromTheDigests() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LauncherClient.builder()
				.shopKey("other-com")
				.customerDigest(CustomerDigest.of("secret-key", "example-com"))
				.build())
			.withMessageContaining("other-com")
			.withMessageContaining("example-com");
	}

	@Test
	void rejectsABlankShopKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherClient.builder().shopKey(" "))
			.withMessageContaining("shop key");
	}

	@Test
	void rejectsABlankPageTokenParameter() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherClient.builder().pageTokenParameter(" "))
			.withMessageContaining("page token parameter");
	}

	@Test
	void theCallsOfACustomerAndOfTheShopDoNotPrintSecrets() {
		LauncherClient launcher = LauncherClient.builder().apiKey("secret-key").shopKey("example-com").build();
		CustomerIdentity jane = new CustomerIdentity("42", "Jane@Example.com");

		assertThat(launcher.customer(jane).toString()).contains("example-com")
			.doesNotContain("secret-key")
			.doesNotContainIgnoringCase("jane@example.com")
			.doesNotContain(CustomerDigest.of("secret-key", "example-com").compute(jane));
		assertThat(launcher.shop().toString()).contains("example-com");
	}

	@Test
	void defaultsToTheProductionLauncher() {
		assertThat(LauncherClient.DEFAULT_BASE_URL).isEqualTo("https://launcher.api.influence.io/launcher");
		assertThat(LauncherEndpoint.CUSTOMER_GET.defaultPath()).isEqualTo("/v1/customer");
	}

	@Test
	void declaresEveryEndpointOfTheOpenApiDocumentOnce() {
		assertThat(LauncherEndpoint.values()).hasSize(22);
		assertThat(LauncherEndpoint.values()).extracting(LauncherEndpoint::operation).doesNotHaveDuplicates();
		assertThat(LauncherEndpoint.values()).filteredOn((endpoint) -> !endpoint.idempotent())
			.containsExactlyInAnyOrder(LauncherEndpoint.CUSTOMER_REDEEM, LauncherEndpoint.CUSTOMER_SOCIAL,
					LauncherEndpoint.CUSTOMER_DYNAMIC_LINK, LauncherEndpoint.CUSTOMER_UPLOAD_FILE);
	}

}
