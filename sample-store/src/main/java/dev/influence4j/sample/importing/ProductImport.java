package dev.influence4j.sample.importing;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.backfill.BackfillPage;
import dev.influence4j.backfill.BackfillSource;
import dev.influence4j.platform.InfluenceProduct;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.catalogue.ProductRepository;

/**
 * The store's products, active or not, imported as the same product records the catalogue sends when a
 * product is saved ({@link Product#toInfluence()}).
 */
@Component
final class ProductImport implements BackfillSource<Product, InfluenceProduct> {

	private final ProductRepository products;

	ProductImport(ProductRepository products) {
		this.products = products;
	}

	@Override
	public BackfillKind<InfluenceProduct> kind() {
		return BackfillKind.PRODUCTS;
	}

	@Override
	public BackfillPage<Product> page(@Nullable String after, int size) {
		return Keyset.page(this.products.findPage(Keyset.after(after), size), size, Product::id);
	}

	@Override
	public String id(Product row) {
		return Long.toString(row.id());
	}

	@Override
	public InfluenceProduct map(Product row) {
		return row.toInfluence();
	}

	@Override
	public OptionalLong count() {
		return OptionalLong.of(this.products.count());
	}

}
