package dev.influence4j.autoconfigure.sandbox;

import dev.influence4j.autoconfigure.InfluenceConnectionDetails;
import dev.influence4j.test.InfluenceSandbox;

/**
 * Connection details read from a running {@link InfluenceSandbox}.
 */
final class SandboxInfluenceConnectionDetails implements InfluenceConnectionDetails {

	private final InfluenceSandbox sandbox;

	SandboxInfluenceConnectionDetails(InfluenceSandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public String getApiKey() {
		return this.sandbox.apiKey();
	}

	@Override
	public String getShopKey() {
		return this.sandbox.shopKey();
	}

	@Override
	public String getPlatformBaseUrl() {
		return this.sandbox.platformBaseUrl();
	}

	@Override
	public String getLauncherBaseUrl() {
		return this.sandbox.launcherBaseUrl();
	}

	@Override
	public String toString() {
		// A test's keys are no secrets, but this stays as silent about them as the properties' details.
		return "SandboxInfluenceConnectionDetails[platform=" + this.sandbox.platformBaseUrl() + "]";
	}

}
