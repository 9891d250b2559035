package dev.influence4j.platform;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * A product as Influence.io holds it, read leniently (field names follow the Launcher API's product).
 *
 * @param id Influence.io's id for the product
 * @param externalId the shop's product id
 * @param title the title
 * @param imageUrl the image URL
 * @param status the status as Influence.io wrote it
 * @param urlHandle the URL handle
 */
public record PlatformProduct(@Nullable String id, @Nullable @JsonAlias("productId") String externalId,
		@Nullable String title, @Nullable String imageUrl, @Nullable String status,
		@Nullable @JsonAlias("externalUrlHandle") String urlHandle) {

}
