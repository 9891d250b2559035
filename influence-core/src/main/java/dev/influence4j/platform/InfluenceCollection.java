package dev.influence4j.platform;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.influence4j.Require;

/**
 * A shop collection (category) as sent to Influence.io, which uses collections to scope redeem rules and
 * stamp cards. Path and wire names ({@code title}, {@code urlHandle}) are provisional.
 *
 * @param collectionId the shop's collection id (sent in the path)
 * @param title the title
 * @param urlHandle the URL handle, or {@code null}
 */
public record InfluenceCollection(@JsonIgnore String collectionId, @JsonProperty("title") String title,
		@JsonProperty("urlHandle") @Nullable String urlHandle) {

	public InfluenceCollection {
		Require.text(collectionId, "collection id");
		Require.text(title, "collection title");
	}

}
