package dev.influence4j.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.CursorPage;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * Collections (categories) on Influence.io, which scope redeem rules and stamp cards. All six endpoints'
 * paths and bodies are provisional.
 */
public final class CollectionApi {

	private final ApiTransport transport;

	CollectionApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create or update a collection. Safe to repeat.
	 * @param collection the collection's current state
	 */
	public void upsert(InfluenceCollection collection) {
		Require.present(collection, "collection");
		this.transport.call(ApiRequest.to(PlatformEndpoint.COLLECTION_UPSERT)
			.withPath("collectionId", collection.collectionId())
			.withBody(collection));
	}

	/**
	 * Read a collection.
	 * @param collectionId the shop's collection id
	 * @return the collection, or empty when Influence.io does not have it
	 */
	public Optional<PlatformCollection> get(String collectionId) {
		Require.text(collectionId, "collection id");
		return this.transport.find(ApiRequest.to(PlatformEndpoint.COLLECTION_GET).withPath("collectionId", collectionId),
				(body) -> this.transport.readEnvelopedOrBare(body, "collection", PlatformCollection.class, PlatformEndpoint.COLLECTION_GET.operation()));
	}

	/**
	 * Delete a collection. Deleting a collection Influence.io does not have is not an error.
	 * @param collectionId the shop's collection id
	 */
	public void delete(String collectionId) {
		Require.text(collectionId, "collection id");
		this.transport.remove(ApiRequest.to(PlatformEndpoint.COLLECTION_DELETE).withPath("collectionId", collectionId));
	}

	/**
	 * Add products to a collection.
	 * @param collectionId the shop's collection id
	 * @param productIds the shop's product ids, at least one
	 */
	public void addProducts(String collectionId, List<String> productIds) {
		changeProducts(PlatformEndpoint.COLLECTION_ADD_PRODUCTS, collectionId, productIds);
	}

	/**
	 * Remove products from a collection.
	 * @param collectionId the shop's collection id
	 * @param productIds the shop's product ids, at least one
	 */
	public void removeProducts(String collectionId, List<String> productIds) {
		changeProducts(PlatformEndpoint.COLLECTION_REMOVE_PRODUCTS, collectionId, productIds);
	}

	private void changeProducts(PlatformEndpoint endpoint, String collectionId, List<String> productIds) {
		Require.text(collectionId, "collection id");
		Require.present(productIds, "product ids");
		if (productIds.isEmpty()) {
			throw new IllegalArgumentException("product ids must not be empty");
		}
		productIds.forEach((id) -> Require.text(id, "product id"));
		this.transport.call(ApiRequest.to(endpoint)
			.withPath("collectionId", collectionId)
			.withBody(Map.of("productIds", List.copyOf(productIds))));
	}

	/**
	 * One page of collections.
	 * @param cursor the previous page's cursor, or {@code null} for the first page
	 * @return the page
	 */
	public CursorPage<PlatformCollection> page(@Nullable String cursor) {
		JsonNode body = this.transport
			.call(ApiRequest.to(PlatformEndpoint.COLLECTIONS_LIST).withQuery("cursor", cursor));
		return this.transport.readPage(body, "collections", PlatformCollection.class,
				PlatformEndpoint.COLLECTIONS_LIST.operation(), CustomerApi.CURSOR_FIELDS);
	}

	/**
	 * Every collection, as a lazy stream that fetches pages as it is consumed.
	 * @return the collections
	 */
	public Stream<PlatformCollection> list() {
		return CursorPage.stream(PlatformEndpoint.COLLECTIONS_LIST.operation(), this::page);
	}

}
