package dev.influence4j.sample.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import dev.influence4j.sample.DatabaseTime;

/**
 * Orders in the {@code shop_order} and {@code order_line} tables.
 */
@Repository
public class OrderRepository {

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An order with its lines.
	 * @param id the order number
	 * @return the order, or empty
	 */
	public Optional<Order> findById(long id) {
		return withLines(this.jdbc.sql("SELECT * FROM shop_order WHERE id = :id").param("id", id)
			.query(OrderRepository::header)
			.list()).stream().findFirst();
	}

	/**
	 * A customer's orders, newest first.
	 * @param accountId the customer's account
	 * @return the orders with their lines
	 */
	public List<Order> findByAccount(long accountId) {
		return withLines(this.jdbc.sql("SELECT * FROM shop_order WHERE account_id = :account ORDER BY id DESC")
			.param("account", accountId)
			.query(OrderRepository::header)
			.list());
	}

	/**
	 * Every order, newest first, for the admin.
	 * @return the orders with their lines
	 */
	public List<Order> findAll() {
		return withLines(this.jdbc.sql("SELECT * FROM shop_order ORDER BY id DESC").query(OrderRepository::header)
			.list());
	}

	/**
	 * Orders by number with their lines, for a keyset read of the whole table.
	 * @param after the last order number of the previous page, 0 for the first
	 * @param size the most orders to return
	 * @return the orders numbered above {@code after}, by number
	 */
	public List<Order> findPage(long after, int size) {
		return withLines(this.jdbc.sql("SELECT * FROM shop_order WHERE id > :after ORDER BY id LIMIT :size")
			.param("after", after)
			.param("size", size)
			.query(OrderRepository::header)
			.list());
	}

	/**
	 * How many orders there are.
	 * @return the count
	 */
	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM shop_order").query(Long.class).single();
	}

	long insert(long accountId, String email, OrderStatus status, PaymentMethod paymentMethod, BigDecimal subtotal,
			BigDecimal discount, BigDecimal shipping, BigDecimal total, String currency, @Nullable String discountCode,
			@Nullable String discountType, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO shop_order (account_id, email, status, payment_method, subtotal, discount, shipping, total,
				currency, discount_code, discount_type, created_at, updated_at)
				VALUES (:account, :email, :status, :payment, :subtotal, :discount, :shipping, :total, :currency, :code,
				:type, :now, :now)""")
			.param("account", accountId)
			.param("email", email)
			.param("status", status.name())
			.param("payment", paymentMethod.name())
			.param("subtotal", subtotal)
			.param("discount", discount)
			.param("shipping", shipping)
			.param("total", total)
			.param("currency", currency)
			.param("code", discountCode)
			.param("type", discountType)
			.param("now", DatabaseTime.of(now))
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKeyAs(Long.class), "generated id");
	}

	void insertLine(long orderId, OrderLine line) {
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, line_no, product_id, title, unit_price, quantity)
				VALUES (:order, :lineNo, :product, :title, :price, :quantity)""")
			.param("order", orderId)
			.param("lineNo", line.lineNo())
			.param("product", line.productId())
			.param("title", line.title())
			.param("price", line.unitPrice())
			.param("quantity", line.quantity())
			.update();
	}

	/**
	 * Change an order's status if it is still in the status the caller saw.
	 * @return whether it changed (false: someone changed it first)
	 */
	boolean updateStatus(long id, OrderStatus from, OrderStatus to, Instant now) {
		return this.jdbc.sql("UPDATE shop_order SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
			.param("to", to.name())
			.param("now", DatabaseTime.of(now))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	private List<Order> withLines(List<Order> headers) {
		if (headers.isEmpty()) {
			return headers;
		}
		Map<Long, List<OrderLine>> lines = new LinkedHashMap<>();
		headers.forEach((order) -> lines.put(order.id(), new ArrayList<>()));
		this.jdbc.sql("SELECT * FROM order_line WHERE order_id IN (:ids) ORDER BY order_id, line_no")
			.param("ids", lines.keySet())
			.query((rs) -> {
				lines.computeIfAbsent(rs.getLong("order_id"), (id) -> new ArrayList<>())
					.add(new OrderLine(rs.getInt("line_no"), rs.getLong("product_id"), rs.getString("title"),
							rs.getBigDecimal("unit_price"), rs.getInt("quantity")));
			});
		return headers.stream()
			.map((order) -> new Order(order.id(), order.accountId(), order.email(), order.status(),
					order.paymentMethod(), order.subtotal(), order.discount(), order.shipping(), order.total(),
					order.currency(), order.discountCode(), order.discountType(), order.createdAt(), order.updatedAt(),
					lines.getOrDefault(order.id(), List.of())))
			.toList();
	}

	private static Order header(ResultSet rs, int row) throws SQLException {
		return new Order(rs.getLong("id"), rs.getLong("account_id"), rs.getString("email"),
				OrderStatus.valueOf(rs.getString("status")), PaymentMethod.valueOf(rs.getString("payment_method")),
				rs.getBigDecimal("subtotal"), rs.getBigDecimal("discount"), rs.getBigDecimal("shipping"),
				rs.getBigDecimal("total"), rs.getString("currency").strip(), rs.getString("discount_code"),
				rs.getString("discount_type"), DatabaseTime.readRequired(rs, "created_at"),
				DatabaseTime.readRequired(rs, "updated_at"), List.of());
	}

}
