package dev.influence4j.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * The endpoint that receives Influence.io's webhooks, under {@code influence.webhooks}.
 */
public class InfluenceWebhookProperties {

	/**
	 * Whether to accept Influence.io's webhooks.
	 */
	private boolean enabled = true;

	/**
	 * Path under which webhooks are received; the secret is the last path segment.
	 */
	private String path = "/influence/webhooks";

	/**
	 * Secret shared with Influence.io in the webhook URL, 32 characters or more; it is never logged nor
	 * shown by actuator endpoints.
	 */
	private @Nullable String secret;

	/**
	 * Secret that is being replaced: deliveries to its URL are still accepted until it is removed, so that
	 * the secret can be rotated without losing any.
	 */
	private @Nullable String previousSecret;

	/**
	 * Largest webhook body accepted.
	 */
	private DataSize maxBodySize = DataSize.ofKilobytes(256);

	/**
	 * Time received webhook ids are remembered to recognise repeated deliveries.
	 */
	private Duration dedupRetention = Duration.ofDays(30);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public @Nullable String getPreviousSecret() {
		return this.previousSecret;
	}

	public void setPreviousSecret(@Nullable String previousSecret) {
		this.previousSecret = previousSecret;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public Duration getDedupRetention() {
		return this.dedupRetention;
	}

	public void setDedupRetention(Duration dedupRetention) {
		this.dedupRetention = dedupRetention;
	}

}
