package dev.influence4j.autoconfigure;

/**
 * Connection details read from {@code influence.*} properties; creating them checks the keys, so that an
 * unset environment variable stops startup with a failure analysis instead of becoming a key.
 */
final class PropertiesInfluenceConnectionDetails implements InfluenceConnectionDetails {

	private final String apiKey;

	private final String shopKey;

	private final String platformBaseUrl;

	private final String launcherBaseUrl;

	PropertiesInfluenceConnectionDetails(InfluenceProperties properties) {
		InfluenceKeyException.Keys keys = InfluenceKeyException.checkKeys(properties);
		this.apiKey = keys.apiKey();
		this.shopKey = keys.shopKey();
		this.platformBaseUrl = properties.getPlatform().getBaseUrl();
		this.launcherBaseUrl = properties.getLauncher().getBaseUrl();
	}

	@Override
	public String getApiKey() {
		return this.apiKey;
	}

	@Override
	public String getShopKey() {
		return this.shopKey;
	}

	@Override
	public String getPlatformBaseUrl() {
		return this.platformBaseUrl;
	}

	@Override
	public String getLauncherBaseUrl() {
		return this.launcherBaseUrl;
	}

	@Override
	public String toString() {
		// The API key is a secret; the shop key is public but stays out too, so that no log shows either.
		return "PropertiesInfluenceConnectionDetails[platform=" + this.platformBaseUrl + ", launcher="
				+ this.launcherBaseUrl + "]";
	}

}
