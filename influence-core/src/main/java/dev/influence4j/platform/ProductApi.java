package dev.influence4j.platform;

import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.influence4j.Require;
import dev.influence4j.http.CursorPage;
import dev.influence4j.http.internal.ApiRequest;
import dev.influence4j.http.internal.ApiTransport;

/**
 * The product catalogue on Influence.io, keyed by the shop's product ids. Influence.io uses products for
 * earn-rule exclusions and product rewards, so products should arrive before orders that contain them.
 */
public final class ProductApi {

	private final ApiTransport transport;

	ProductApi(ApiTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create or update a product. Safe to repeat.
	 * @param product the product's current state
	 */
	public void upsert(InfluenceProduct product) {
		Require.present(product, "product");
		this.transport.call(ApiRequest.to(PlatformEndpoint.PRODUCT_UPSERT)
			.withPath("productId", product.productId())
			.withBody(product));
	}

	/**
	 * Read a product.
	 * @param productId the shop's product id
	 * @return the product, or empty when Influence.io does not have it
	 */
	public Optional<PlatformProduct> get(String productId) {
		Require.text(productId, "product id");
		return this.transport.find(ApiRequest.to(PlatformEndpoint.PRODUCT_GET).withPath("productId", productId),
				(body) -> this.transport.readEnvelopedOrBare(body, "product", PlatformProduct.class, PlatformEndpoint.PRODUCT_GET.operation()));
	}

	/**
	 * Delete a product. Deleting a product Influence.io does not have is not an error.
	 * @param productId the shop's product id
	 */
	public void delete(String productId) {
		Require.text(productId, "product id");
		this.transport.remove(ApiRequest.to(PlatformEndpoint.PRODUCT_DELETE).withPath("productId", productId));
	}

	/**
	 * One page of products.
	 * @param cursor the previous page's cursor, or {@code null} for the first page
	 * @return the page
	 */
	public CursorPage<PlatformProduct> page(@Nullable String cursor) {
		JsonNode body = this.transport.call(ApiRequest.to(PlatformEndpoint.PRODUCTS_LIST).withQuery("cursor", cursor));
		return this.transport.readPage(body, "products", PlatformProduct.class,
				PlatformEndpoint.PRODUCTS_LIST.operation(), CustomerApi.CURSOR_FIELDS);
	}

	/**
	 * Every product, as a lazy stream that fetches pages as it is consumed.
	 * @return the products
	 */
	public Stream<PlatformProduct> list() {
		return CursorPage.stream(PlatformEndpoint.PRODUCTS_LIST.operation(), this::page);
	}

}
