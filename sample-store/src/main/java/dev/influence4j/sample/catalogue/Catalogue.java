package dev.influence4j.sample.catalogue;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.influence4j.events.ProductDeletedEvent;
import dev.influence4j.events.ProductSavedEvent;

/**
 * Creates, changes and deletes products. Each change publishes {@link ProductSavedEvent} or
 * {@link ProductDeletedEvent} inside the transaction that made it.
 */
@Service
public class Catalogue {

	private final ProductRepository products;

	private final ApplicationEventPublisher events;

	Catalogue(ProductRepository products, ApplicationEventPublisher events) {
		this.products = products;
		this.events = events;
	}

	/**
	 * Create a product.
	 * @param form the validated form
	 * @return the new product
	 */
	@Transactional
	public Product create(ProductForm form) {
		long id = this.products.insert(required(form.getTitle()).strip(), blankToNull(form.getDescription()),
				required(form.getPrice()), blankToNull(form.getImageUrl()), form.isActive(), Instant.now());
		return published(id);
	}

	/**
	 * Change a product.
	 * @param id the product
	 * @param form the validated form
	 * @return the product as saved, or empty when there is no such product
	 */
	@Transactional
	public Optional<Product> update(long id, ProductForm form) {
		boolean updated = this.products.update(id, required(form.getTitle()).strip(),
				blankToNull(form.getDescription()), required(form.getPrice()), blankToNull(form.getImageUrl()),
				form.isActive(), Instant.now());
		return updated ? Optional.of(published(id)) : Optional.empty();
	}

	/**
	 * Delete a product. Orders keep their lines: a line holds its own copy of title and price.
	 * @param id the product
	 * @return whether there was such a product
	 */
	@Transactional
	public boolean delete(long id) {
		if (!this.products.delete(id)) {
			return false;
		}
		this.events.publishEvent(new ProductDeletedEvent(Long.toString(id)));
		return true;
	}

	private Product published(long id) {
		Product product = this.products.findById(id).orElseThrow();
		this.events.publishEvent(new ProductSavedEvent(product.toInfluence()));
		return product;
	}

	private static <T> T required(@Nullable T value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new IllegalArgumentException("a validated form has no blank required fields");
		}
		return value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
