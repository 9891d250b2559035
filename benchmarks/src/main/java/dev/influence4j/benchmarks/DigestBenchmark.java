package dev.influence4j.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.influence4j.digest.CustomerDigest;
import dev.influence4j.digest.CustomerIdentity;

/**
 * The customer digest is computed on every page a logged-in customer sees: how much it costs, compared
 * with the reference recipe that looks up a {@link Mac} per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DigestBenchmark {

	private final CustomerDigest digest = CustomerDigest.of("EXAMPLE_API_KEY", "example-com");

	private final CustomerIdentity customer = new CustomerIdentity("external-123", "Example@Example.com");

	@Benchmark
	public String influence4j() {
		return this.digest.compute(this.customer);
	}

	@Benchmark
	public String macPerCall() throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("EXAMPLE_API_KEY".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String message = "example-com" + "Example@Example.com".toLowerCase(Locale.ROOT) + "external-123";
		return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

}
