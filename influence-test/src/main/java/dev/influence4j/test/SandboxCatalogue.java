package dev.influence4j.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Products and collections, keyed by the shop's ids. Nothing else in the sandbox depends on them, so they
 * have their own lock.
 */
final class SandboxCatalogue {

	/** Product statuses influence4j sends. */
	static final List<String> PRODUCT_STATUSES = List.of("active", "draft", "archived");

	private final Clock clock;

	private final WireFormat wire;

	private final Map<String, Product> products = new LinkedHashMap<>();

	private final Map<String, Collection> collections = new LinkedHashMap<>();

	SandboxCatalogue(Clock clock, WireFormat wire) {
		this.clock = clock;
		this.wire = wire;
	}

	synchronized Answer upsertProduct(String productId, RequestFields body) {
		String title = body.requiredText("title");
		String imageUrl = body.text("imageUrl");
		String urlHandle = body.text("urlHandle");
		String status = body.text("status");
		if (status != null && !PRODUCT_STATUSES.contains(status)) {
			throw ApiError.invalid("status must be one of " + PRODUCT_STATUSES + " but was " + status);
		}
		ArrayNode variants = WireFormat.array();
		Set<String> variantIds = new LinkedHashSet<>();
		for (RequestFields variant : body.objects("variants")) {
			String variantId = variant.requiredText("variantId");
			if (!variantIds.add(variantId)) {
				throw ApiError.invalid("variants must not repeat the variantId " + variantId);
			}
			Integer position = variant.between("position", 0, Integer.MAX_VALUE);
			variants.addObject()
				.put("id", UUID.nameUUIDFromBytes((productId + "/" + variantId).getBytes(StandardCharsets.UTF_8)).toString())
				.put("externalVariantId", variantId)
				.put("externalProductId", productId)
				.put("title", variant.requiredText("title"))
				.put("imageUrl", variant.text("imageUrl"))
				.put("position", position)
				.put("status", "active");
		}
		Instant now = this.clock.instant();
		Product existing = this.products.get(productId);
		Product product = new Product((existing != null) ? existing.id() : UUID.randomUUID().toString(), productId,
				title, imageUrl, urlHandle, (status != null) ? status : "active", variants,
				(existing != null) ? existing.createdAt() : now, now);
		this.products.put(productId, product);
		return Answer.enveloped("product", json(product));
	}

	synchronized Answer getProduct(String productId) {
		return Answer.enveloped("product", json(requireProduct(productId)));
	}

	synchronized Answer deleteProduct(String productId) {
		requireProduct(productId);
		this.products.remove(productId);
		for (Collection collection : this.collections.values()) {
			collection.productIds().remove(productId);
		}
		return Answer.success();
	}

	synchronized Answer listProducts(Map<String, String> query) {
		List<ObjectNode> all = this.products.values().stream().map(this::json).toList();
		return Answer.ok(this.wire.page("products", "cursor", all, offset(query), Map.of()));
	}

	synchronized Answer upsertCollection(String collectionId, RequestFields body) {
		String title = body.requiredText("title");
		String urlHandle = body.text("urlHandle");
		Instant now = this.clock.instant();
		Collection existing = this.collections.get(collectionId);
		Collection collection = new Collection((existing != null) ? existing.id() : UUID.randomUUID().toString(),
				collectionId, title, urlHandle, (existing != null) ? existing.productIds() : new LinkedHashSet<>(),
				(existing != null) ? existing.createdAt() : now, now);
		this.collections.put(collectionId, collection);
		return Answer.enveloped("collection", json(collection));
	}

	synchronized Answer getCollection(String collectionId) {
		return Answer.enveloped("collection", json(requireCollection(collectionId)));
	}

	synchronized Answer deleteCollection(String collectionId) {
		requireCollection(collectionId);
		this.collections.remove(collectionId);
		return Answer.success();
	}

	synchronized Answer listCollections(Map<String, String> query) {
		List<ObjectNode> all = this.collections.values().stream().map(this::json).toList();
		return Answer.ok(this.wire.page("collections", "cursor", all, offset(query), Map.of()));
	}

	synchronized Answer addProducts(String collectionId, RequestFields body) {
		List<String> productIds = productIds(body);
		Collection collection = requireCollection(collectionId);
		collection.productIds().addAll(productIds);
		return touched(collection);
	}

	synchronized Answer removeProducts(String collectionId, RequestFields body) {
		List<String> productIds = productIds(body);
		Collection collection = requireCollection(collectionId);
		productIds.forEach(collection.productIds()::remove);
		return touched(collection);
	}

	synchronized void reset() {
		this.products.clear();
		this.collections.clear();
	}

	private Answer touched(Collection collection) {
		Collection changed = new Collection(collection.id(), collection.externalId(), collection.title(),
				collection.urlHandle(), collection.productIds(), collection.createdAt(), this.clock.instant());
		this.collections.put(changed.externalId(), changed);
		return Answer.enveloped("collection", json(changed));
	}

	private static List<String> productIds(RequestFields body) {
		List<String> productIds = body.texts("productIds");
		if (productIds.isEmpty()) {
			throw ApiError.invalid("productIds is required and must not be empty");
		}
		return productIds;
	}

	private static int offset(Map<String, String> query) {
		String cursor = query.get("cursor");
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		return PageToken.decode(cursor, ApiError.platform(400, "cursor is not valid")).offset();
	}

	private Product requireProduct(String productId) {
		Product product = this.products.get(productId);
		if (product == null) {
			throw ApiError.platform(404, "Product not found");
		}
		return product;
	}

	private Collection requireCollection(String collectionId) {
		Collection collection = this.collections.get(collectionId);
		if (collection == null) {
			throw ApiError.platform(404, "Collection not found");
		}
		return collection;
	}

	private ObjectNode json(Product product) {
		ObjectNode json = WireFormat.object().put("id", product.id())
			.put("externalId", product.externalId())
			.put("title", product.title())
			.put("imageUrl", product.imageUrl())
			.put("status", product.status())
			.put("urlHandle", product.urlHandle());
		json.set("variants", product.variants().deepCopy());
		return json.put("createdAt", WireFormat.instant(product.createdAt()))
			.put("updatedAt", WireFormat.instant(product.updatedAt()));
	}

	private ObjectNode json(Collection collection) {
		ObjectNode json = WireFormat.object().put("id", collection.id())
			.put("externalId", collection.externalId())
			.put("title", collection.title())
			.put("urlHandle", collection.urlHandle());
		ArrayNode productIds = json.putArray("productIds");
		collection.productIds().forEach(productIds::add);
		return json.put("createdAt", WireFormat.instant(collection.createdAt()))
			.put("updatedAt", WireFormat.instant(collection.updatedAt()));
	}

	private record Product(String id, String externalId, String title, @Nullable String imageUrl,
			@Nullable String urlHandle, String status, ArrayNode variants, Instant createdAt, Instant updatedAt) {

	}

	/** A collection; its product ids are changed in place under the catalogue's lock. */
	private record Collection(String id, String externalId, String title, @Nullable String urlHandle,
			Set<String> productIds, Instant createdAt, Instant updatedAt) {

	}

}
