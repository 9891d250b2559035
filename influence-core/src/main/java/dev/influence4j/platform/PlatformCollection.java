package dev.influence4j.platform;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * A collection as Influence.io holds it, read leniently.
 *
 * @param id Influence.io's id for the collection
 * @param externalId the shop's collection id
 * @param title the title
 * @param urlHandle the URL handle
 */
public record PlatformCollection(@Nullable String id, @Nullable @JsonAlias("collectionId") String externalId,
		@Nullable String title, @Nullable String urlHandle) {

}
