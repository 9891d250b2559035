package dev.influence4j.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of influence4j, under the {@code influence} prefix. Only {@code influence.api-key} and
 * {@code influence.shop-key} are required; everything else has a default.
 * <p>
 * The keys and base URLs are here; every group of properties is in a class of its own, named for what it
 * governs: {@link InfluenceHttpProperties the API clients' calls} ({@code influence.http.*}),
 * {@link InfluenceWidgetProperties the widgets} ({@code influence.widget.*}), {@link InfluenceDeliveryProperties
 * delivery} ({@code influence.delivery.*}), {@link InfluenceSyncProperties the storefront events sent}
 * ({@code influence.sync.*}), {@link InfluenceWebhookProperties webhooks} ({@code influence.webhooks.*}),
 * {@link InfluenceHealthProperties the health indicator} ({@code influence.health.*}) and
 * {@link InfluenceBackfillProperties imports} ({@code influence.backfill.*}).
 */
@ConfigurationProperties("influence")
public class InfluenceProperties {

	/**
	 * Whether to enable influence4j: the API clients, the storefront widget context and delivery.
	 */
	private boolean enabled = true;

	/**
	 * Platform API key of the shop (Influence.io dashboard: Settings, API Settings, Platform API Settings).
	 * Also the secret of the customer digest; it is never logged nor shown by actuator endpoints.
	 */
	private @Nullable String apiKey;

	/**
	 * Shop key Influence.io shows for the shop, such as "example-com".
	 */
	private @Nullable String shopKey;

	private final Platform platform = new Platform();

	private final Launcher launcher = new Launcher();

	@NestedConfigurationProperty
	private final InfluenceHttpProperties http = new InfluenceHttpProperties();

	@NestedConfigurationProperty
	private final InfluenceWidgetProperties widget = new InfluenceWidgetProperties();

	@NestedConfigurationProperty
	private final InfluenceDeliveryProperties delivery = new InfluenceDeliveryProperties();

	@NestedConfigurationProperty
	private final InfluenceSyncProperties sync = new InfluenceSyncProperties();

	@NestedConfigurationProperty
	private final InfluenceWebhookProperties webhooks = new InfluenceWebhookProperties();

	@NestedConfigurationProperty
	private final InfluenceHealthProperties health = new InfluenceHealthProperties();

	@NestedConfigurationProperty
	private final InfluenceBackfillProperties backfill = new InfluenceBackfillProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getShopKey() {
		return this.shopKey;
	}

	public void setShopKey(@Nullable String shopKey) {
		this.shopKey = shopKey;
	}

	public Platform getPlatform() {
		return this.platform;
	}

	public Launcher getLauncher() {
		return this.launcher;
	}

	public InfluenceHttpProperties getHttp() {
		return this.http;
	}

	public InfluenceWidgetProperties getWidget() {
		return this.widget;
	}

	public InfluenceDeliveryProperties getDelivery() {
		return this.delivery;
	}

	public InfluenceSyncProperties getSync() {
		return this.sync;
	}

	public InfluenceWebhookProperties getWebhooks() {
		return this.webhooks;
	}

	public InfluenceHealthProperties getHealth() {
		return this.health;
	}

	public InfluenceBackfillProperties getBackfill() {
		return this.backfill;
	}

	@Override
	public String toString() {
		// Written out so that nobody adds the API key or the webhook secret to it by accident.
		return "InfluenceProperties[enabled=" + this.enabled + ", shopKey=" + this.shopKey + ", apiKey="
				+ ((this.apiKey != null) ? "******" : null) + "]";
	}

	/**
	 * The Platform API.
	 */
	public static class Platform {

		/**
		 * Base URL of the Platform API.
		 */
		private String baseUrl = "https://platform.api.influence.io";

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

	}

	/**
	 * The Launcher API.
	 */
	public static class Launcher {

		/**
		 * Base URL of the Launcher API.
		 */
		private String baseUrl = "https://launcher.api.influence.io/launcher";

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

	}

}
