package dev.influence4j.sample.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import dev.influence4j.sample.DatabaseTime;

/**
 * Products in the {@code product} table.
 */
@Repository
public class ProductRepository {

	private final JdbcClient jdbc;

	ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A product by id, active or not.
	 * @param id the product id
	 * @return the product, or empty
	 */
	public Optional<Product> findById(long id) {
		return this.jdbc.sql("SELECT * FROM product WHERE id = :id").param("id", id).query(ProductRepository::map)
			.optional();
	}

	/**
	 * Products by id, active or not, in no particular order.
	 * @param ids the ids
	 * @return the products found
	 */
	public List<Product> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT * FROM product WHERE id IN (:ids)")
			.param("ids", ids)
			.query(ProductRepository::map)
			.list();
	}

	/**
	 * The products customers can buy, by title.
	 * @return the active products
	 */
	public List<Product> findActive() {
		return this.jdbc.sql("SELECT * FROM product WHERE active ORDER BY title, id").query(ProductRepository::map)
			.list();
	}

	/**
	 * Every product, for the admin, by title.
	 * @return all products
	 */
	public List<Product> findAll() {
		return this.jdbc.sql("SELECT * FROM product ORDER BY title, id").query(ProductRepository::map).list();
	}

	/**
	 * Products by id, active or not, for a keyset read of the whole table.
	 * @param after the last id of the previous page, 0 for the first
	 * @param size the most products to return
	 * @return the products with an id above {@code after}, by id
	 */
	public List<Product> findPage(long after, int size) {
		return this.jdbc.sql("SELECT * FROM product WHERE id > :after ORDER BY id LIMIT :size")
			.param("after", after)
			.param("size", size)
			.query(ProductRepository::map)
			.list();
	}

	/**
	 * How many products there are.
	 * @return the count
	 */
	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
	}

	long insert(String title, @Nullable String description, BigDecimal price, @Nullable String imageUrl,
			boolean active, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO product (title, description, price, image_url, active, updated_at)
				VALUES (:title, :description, :price, :image, :active, :now)""")
			.param("title", title)
			.param("description", description)
			.param("price", price)
			.param("image", imageUrl)
			.param("active", active)
			.param("now", DatabaseTime.of(now))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKeyAs(Long.class), "generated id");
	}

	boolean update(long id, String title, @Nullable String description, BigDecimal price, @Nullable String imageUrl,
			boolean active, Instant now) {
		return this.jdbc.sql("""
				UPDATE product SET title = :title, description = :description, price = :price, image_url = :image,
				active = :active, updated_at = :now WHERE id = :id""")
			.param("title", title)
			.param("description", description)
			.param("price", price)
			.param("image", imageUrl)
			.param("active", active)
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.update() == 1;
	}

	boolean delete(long id) {
		return this.jdbc.sql("DELETE FROM product WHERE id = :id").param("id", id).update() == 1;
	}

	private static Product map(ResultSet rs, int row) throws SQLException {
		return new Product(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
				rs.getBigDecimal("price"), rs.getString("image_url"), rs.getBoolean("active"),
				DatabaseTime.readRequired(rs, "updated_at"));
	}

}
