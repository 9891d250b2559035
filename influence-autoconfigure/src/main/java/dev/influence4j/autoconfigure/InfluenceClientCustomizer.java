package dev.influence4j.autoconfigure;

import dev.influence4j.http.InfluenceClientBuilder;

/**
 * Callback to customize the builders of the auto-configured {@code PlatformClient} and
 * {@code LauncherClient} before they are built, after the {@code influence.*} properties were applied.
 * It is called once for each client; check the builder's type to touch only one of them:
 * <pre>{@code
 * @Bean
 * InfluenceClientCustomizer renamedDeductPath() {
 *     return (builder) -> {
 *         if (builder instanceof PlatformClient.Builder platform) {
 *             platform.path(PlatformEndpoint.POINTS_DEDUCT, "/v1/customers/{customerId}/points/remove");
 *         }
 *     };
 * }
 * }</pre>
 * Several customizers are applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface InfluenceClientCustomizer {

	/**
	 * Customize a client builder.
	 * @param builder the builder of the Platform or the Launcher client
	 */
	void customize(InfluenceClientBuilder<?> builder);

}
