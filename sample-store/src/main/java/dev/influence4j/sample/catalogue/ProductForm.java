package dev.influence4j.sample.catalogue;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the admin's product editor posts. A mutable bean so that {@code th:field} can show it again with its
 * errors.
 */
public class ProductForm {

	@NotBlank(message = "Please give the product a title.")
	@Size(max = 200, message = "Titles are at most 200 characters.")
	private @Nullable String title;

	@Size(max = 2000, message = "Descriptions are at most 2000 characters.")
	private @Nullable String description;

	@NotNull(message = "Please give the product a price.")
	@DecimalMin(value = "0.01", message = "The price must be at least 0.01.")
	@Digits(integer = 8, fraction = 2, message = "Prices have at most two decimals.")
	private @Nullable BigDecimal price;

	@Size(max = 500, message = "Image URLs are at most 500 characters.")
	@Pattern(regexp = "(https?://\\S+)?", message = "The image URL must start with http:// or https://.")
	private @Nullable String imageUrl;

	private boolean active = true;

	static ProductForm of(Product product) {
		ProductForm form = new ProductForm();
		form.setTitle(product.title());
		form.setDescription(product.description());
		form.setPrice(product.price());
		form.setImageUrl(product.imageUrl());
		form.setActive(product.active());
		return form;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(@Nullable BigDecimal price) {
		this.price = price;
	}

	public @Nullable String getImageUrl() {
		return this.imageUrl;
	}

	public void setImageUrl(@Nullable String imageUrl) {
		this.imageUrl = imageUrl;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
