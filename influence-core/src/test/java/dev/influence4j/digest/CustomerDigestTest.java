package dev.influence4j.digest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CustomerDigestTest {

	private static final String API_KEY = "EXAMPLE_API_KEY";

	private static final String SHOP_KEY = "example-com";

	private static final String KNOWN_DIGEST = "412dab0de9cad9d7788089ea6563dd12eea9f6cd6af0826d21e7dc6438b2fa7d";

	private final CustomerDigest digest = CustomerDigest.of(API_KEY, SHOP_KEY);

	@Test
	void computesTheKnownAnswer() {
		assertThat(this.digest.compute("Example@Example.com", "external-123")).isEqualTo(KNOWN_DIGEST);
	}

	@Test
	void uppercaseEmailGivesTheSameDigestAsLowercase() {
		assertThat(this.digest.compute("EXAMPLE@EXAMPLE.COM", "external-123"))
			.isEqualTo(this.digest.compute("example@example.com", "external-123"))
			.isEqualTo(KNOWN_DIGEST);
	}

	@Test
	void nonAsciiEmailIsLowercasedWithTheRootLocaleAndHashedAsUtf8() throws Exception {
		String email = "Jürgen@Example.com";
		String expected = independentHmac(API_KEY, SHOP_KEY + email.toLowerCase(Locale.ROOT) + "external-9");

		assertThat(this.digest.compute(email, "external-9")).isEqualTo(expected);
		assertThat(this.digest.compute("jürgen@example.com", "external-9")).isEqualTo(expected);
	}

	@Test
	void digestIsSixtyFourLowercaseHexCharacters() {
		assertThat(this.digest.compute(new CustomerIdentity("42", "jane@example.com"))).matches("[0-9a-f]{64}");
	}

	@Test
	void differentCustomersGetDifferentDigests() {
		assertThat(this.digest.compute("jane@example.com", "42"))
			.isNotEqualTo(this.digest.compute("jane@example.com", "43"));
	}

	@Test
	void rejectsBlankOrNullShopKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerDigest.of(API_KEY, " "))
			.withMessageContaining("shop key");
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerDigest.of(API_KEY, null))
			.withMessageContaining("shop key");
	}

	@Test
	void rejectsBlankOrNullApiKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerDigest.of("", SHOP_KEY))
			.withMessageContaining("API key");
		assertThatIllegalArgumentException().isThrownBy(() -> CustomerDigest.of(null, SHOP_KEY))
			.withMessageContaining("API key");
	}

	@Test
	void rejectsBlankOrNullCustomerEmail() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.digest.compute("  ", "42"))
			.withMessageContaining("customer email");
		assertThatIllegalArgumentException().isThrownBy(() -> this.digest.compute(null, "42"))
			.withMessageContaining("customer email");
	}

	@Test
	void rejectsBlankOrNullCustomerId() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.digest.compute("jane@example.com", ""))
			.withMessageContaining("customer id");
		assertThatIllegalArgumentException().isThrownBy(() -> this.digest.compute("jane@example.com", null))
			.withMessageContaining("customer id");
	}

	@Test
	void matchesTheRightDigestInAnyHexCase() {
		CustomerIdentity customer = new CustomerIdentity("external-123", "Example@Example.com");

		assertThat(this.digest.matches(customer, KNOWN_DIGEST)).isTrue();
		assertThat(this.digest.matches(customer, KNOWN_DIGEST.toUpperCase(Locale.ROOT))).isTrue();
	}

	@Test
	void doesNotMatchAWrongNullOrDifferentLengthDigest() {
		CustomerIdentity customer = new CustomerIdentity("external-123", "example@example.com");
		String wrong = KNOWN_DIGEST.substring(0, 63) + "0";

		assertThat(this.digest.matches(customer, wrong)).isFalse();
		assertThat(this.digest.matches(customer, null)).isFalse();
		assertThat(this.digest.matches(customer, KNOWN_DIGEST.substring(0, 32))).isFalse();
		assertThat(this.digest.matches(customer, KNOWN_DIGEST + "00")).isFalse();
		assertThat(this.digest.matches(customer, "")).isFalse();
	}

	@Test
	void givesIdenticalResultsWhenManyThreadsComputeConcurrently() throws Exception {
		List<CustomerIdentity> customers = IntStream.range(0, 50)
			.mapToObj((i) -> new CustomerIdentity("customer-" + i, "Customer" + i + "@Example.com"))
			.toList();
		List<String> expected = customers.stream().map(this.digest::compute).toList();
		Set<String> mismatches = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Void>> tasks = IntStream.range(0, 64).<Callable<Void>>mapToObj((task) -> () -> {
				for (int round = 0; round < 200; round++) {
					int index = (task + round) % customers.size();
					String actual = this.digest.compute(customers.get(index));
					if (!actual.equals(expected.get(index))) {
						mismatches.add(index + ":" + actual);
					}
				}
				return null;
			}).toList();
			for (Future<Void> future : executor.invokeAll(tasks)) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void toStringDoesNotContainTheApiKey() {
		assertThat(this.digest.toString()).doesNotContain(API_KEY).contains(SHOP_KEY);
	}

	private static String independentHmac(String key, String message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

}
