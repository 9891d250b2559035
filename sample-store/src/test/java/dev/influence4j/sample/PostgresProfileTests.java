package dev.influence4j.sample;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.influence4j.sample.account.Account;
import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.catalogue.ProductRepository;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.sample.discount.DiscountCodeRepository;
import dev.influence4j.sample.discount.ShopRewardCodes;
import dev.influence4j.sample.order.Checkout;
import dev.influence4j.sample.order.Order;
import dev.influence4j.sample.order.OrderRepository;
import dev.influence4j.sample.order.OrderStatus;
import dev.influence4j.sample.order.Orders;
import dev.influence4j.sample.order.PaymentMethod;
import dev.influence4j.webhook.RewardCode;
import dev.influence4j.webhook.RewardCodeSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code postgres} profile against a real PostgreSQL server: the schema and every query of the store run
 * there, and the data outlives a restart of the store.
 */
class PostgresProfileTests {

	private final String jdbcUrl = TestPostgres.freshDatabase();

	@Test
	void storeRunsOnPostgresqlAndKeepsItsDataAcrossRestarts() {
		long orderId;
		long products;
		try (ConfigurableApplicationContext store = start()) {
			products = store.getBean(ProductRepository.class).count();
			assertThat(products).isPositive();
			Account jane = store.getBean(AccountRepository.class).findByEmail(DemoData.CUSTOMER_EMAIL).orElseThrow();
			Product product = store.getBean(ProductRepository.class).findActive().get(0);
			store.getBean(ShopRewardCodes.class)
				.issue(new RewardCode("INF-PGTEST0001", RewardCodeSource.POINTS_REDEEMED, "webhook-pg", null, null,
						"fixedamountdiscount", null, new BigDecimal("5.00"), 500L, null, false));

			Order order = store.getBean(Checkout.class).place(jane.id(), Map.of(product.id(), 3), "inf-pgtest0001",
					PaymentMethod.BANK_TRANSFER);
			store.getBean(Orders.class).changeStatus(order.id(), OrderStatus.PAID);
			orderId = order.id();
		}

		try (ConfigurableApplicationContext store = start()) {
			assertThat(store.getBean(ProductRepository.class).count()).isEqualTo(products);
			Order order = store.getBean(OrderRepository.class).findById(orderId).orElseThrow();
			assertThat(order.status()).isEqualTo(OrderStatus.PAID);
			assertThat(order.discount()).isEqualByComparingTo("5.00");
			assertThat(order.lines()).singleElement().satisfies((line) -> assertThat(line.quantity()).isEqualTo(3));
			assertThat(store.getBean(DiscountCodeRepository.class).find("INF-PGTEST0001").orElseThrow().usedInOrderId())
				.isEqualTo(orderId);
			assertThat(store.getBean(OrderRepository.class).findByAccount(order.accountId())).extracting(Order::id)
				.contains(orderId);
		}
	}

	private ConfigurableApplicationContext start() {
		// Arguments rather than default properties, which application.yml's server.port: 8080 would override.
		return new SpringApplicationBuilder(SampleStoreApplication.class).profiles("postgres")
			.run("--server.port=0", "--STORE_DB_URL=" + this.jdbcUrl,
					"--STORE_DB_USER=postgres", "--STORE_DB_PASSWORD=postgres");
	}

}
