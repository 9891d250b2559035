package dev.influence4j.sample.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalogue and product pages, open to everyone.
 */
@Controller
class CatalogueController {

	private final ProductRepository products;

	CatalogueController(ProductRepository products) {
		this.products = products;
	}

	@GetMapping("/")
	String index(Model model) {
		model.addAttribute("products", this.products.findActive());
		return "catalogue/index";
	}

	@GetMapping("/products/{id}")
	String product(@PathVariable long id, Model model) {
		Product product = this.products.findById(id)
			.filter(Product::active)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such product."));
		model.addAttribute("product", product);
		if (!model.containsAttribute("quantity")) {
			model.addAttribute("quantity", 1);
		}
		return "catalogue/product";
	}

}
