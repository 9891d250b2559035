package dev.influence4j.http.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import dev.influence4j.http.InfluenceApiException;
import dev.influence4j.http.InfluenceAuthenticationException;
import dev.influence4j.http.InfluenceClientException;
import dev.influence4j.http.InfluenceNotFoundException;
import dev.influence4j.http.InfluenceRateLimitedException;
import dev.influence4j.http.InfluenceResponseException;
import dev.influence4j.http.InfluenceTransientException;
import dev.influence4j.json.InfluenceJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status to exception type, the vendor's message without the secret, and {@code Retry-After} in both forms.
 */
class ErrorTranslatorTests {

	private final ErrorTranslator errors = new ErrorTranslator(InfluenceJson.mapper(), List.of("s3cr3t-key"));

	@Test
	void mapsEachStatusToItsExceptionType() {
		assertThat(failure(401)).isInstanceOf(InfluenceAuthenticationException.class);
		assertThat(failure(403)).isInstanceOf(InfluenceAuthenticationException.class);
		assertThat(failure(404)).isInstanceOf(InfluenceNotFoundException.class);
		assertThat(failure(408)).isInstanceOfSatisfying(InfluenceTransientException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.TIMEOUT));
		assertThat(failure(429)).isInstanceOf(InfluenceRateLimitedException.class);
		assertThat(failure(503)).isInstanceOfSatisfying(InfluenceTransientException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(InfluenceTransientException.Reason.SERVER_ERROR));
		assertThat(failure(422)).isExactlyInstanceOf(InfluenceClientException.class);
		assertThat(failure(302)).isExactlyInstanceOf(InfluenceResponseException.class);
	}

	@Test
	void keepsTheVendorsMessageWithoutTheSecret() {
		InfluenceApiException ex = this.errors.failure("op", 400, new HttpHeaders(),
				"{\"errors\":[{\"message\":\"key s3cr3t-key\\nis odd\"}]}".getBytes(StandardCharsets.UTF_8));

		assertThat(ex.vendorMessage()).isEqualTo("key **** is odd");
	}

	@Test
	void readsRetryAfterAsSecondsOrAnHttpDate() {
		assertThat(ErrorTranslator.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
		assertThat(ErrorTranslator.retryAfter(" -1 ")).isNull();
		assertThat(ErrorTranslator.retryAfter("soon")).isNull();
		assertThat(ErrorTranslator.retryAfter(null)).isNull();
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(60));
		assertThat(ErrorTranslator.retryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusSeconds(60));
		assertThat(ErrorTranslator.retryAfter(past)).isEqualTo(Duration.ZERO);
	}

	private InfluenceApiException failure(int status) {
		return this.errors.failure("op", status, new HttpHeaders(), new byte[0]);
	}

}
