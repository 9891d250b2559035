package dev.influence4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an {@link InfluenceSandbox}: one sandbox is started for the class (nested
 * classes share it), reset before each test, injected into test constructors and methods that declare an
 * {@code InfluenceSandbox} parameter, and closed after the class.
 * <pre>{@code
 * @InfluenceSandboxTest
 * class CheckoutTests {
 *
 *     @Test
 *     void paidOrderEarnsPoints(InfluenceSandbox sandbox) {
 *         // point the client at sandbox.platformBaseUrl() with sandbox.apiKey() ...
 *     }
 *
 * }
 * }</pre>
 * For other settings (earning rate, statuses, redeem rules) register {@link InfluenceSandboxExtension}
 * with {@code @RegisterExtension} instead, not in addition: two sandboxes could not both be injected.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfluenceSandboxExtension.class)
public @interface InfluenceSandboxTest {

	/**
	 * The API key the sandbox accepts (and signs digests with).
	 * @return the API key
	 */
	String apiKey() default "test-api-key";

	/**
	 * The shop key the sandbox's Launcher accepts.
	 * @return the shop key
	 */
	String shopKey() default "test-shop";

}
