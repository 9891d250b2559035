package dev.influence4j.sample;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.session.SessionRepository;

import dev.influence4j.platform.PlatformClient;
import dev.influence4j.platform.WebhookSubscription;
import dev.influence4j.sample.account.Account;
import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.catalogue.ProductRepository;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.sample.discount.DiscountCodeRepository;
import dev.influence4j.sample.sandbox.DemoSandbox;
import dev.influence4j.test.InfluenceSandbox;
import dev.influence4j.test.SandboxPointActivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store as several nodes: full application contexts in this JVM, each on a port of its own, on one embedded
 * PostgreSQL database with the {@code postgres} profile and one Influence.io sandbox shared through the
 * {@code shared-sandbox} profile, as the README's several-node setup runs them as processes; and, for the demo
 * data, also on one H2 database.
 */
class SeveralNodesTests {

	private static final AtomicInteger databases = new AtomicInteger();

	private static final Pattern COUPON = Pattern.compile("id=\"coupon-code\">([^<]+)<");

	String jdbcUrl;

	InfluenceSandbox sandbox;

	final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@BeforeEach
	void emptyDatabaseAndSandbox() throws Exception {
		this.jdbcUrl = TestPostgres.freshDatabase();
		this.sandbox = DemoSandbox.builder("sandbox-api-key", "sample-store", 0).start();
	}

	@AfterEach
	void stopNodesAndSandbox() {
		stopNodes();
		this.sandbox.close();
	}

	private void stopNodes() {
		this.nodes.forEach(ConfigurableApplicationContext::close);
		this.nodes.clear();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void threeNodesStartingAtOnceOnAnEmptyPostgresqlDatabaseCreateTheDemoDataOnce(CapturedOutput output)
			throws Exception {
		startThreeAtOnce(onPostgresql());
		assertDemoDataCreatedOnceBy(this.nodes, output);

		// The shared sandbox heard of each product once, and had the welcome points once, not three times.
		Account jane = this.nodes.get(0)
			.getBean(AccountRepository.class)
			.findByEmail(DemoData.CUSTOMER_EMAIL)
			.orElseThrow();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.sandbox.journal()
				.requests()
				.stream()
				.filter((request) -> request.operation().equals("platform.products.upsert"))
				.count() == 5);
		assertThat(this.sandbox.pointActivities(Long.toString(jane.id())))
			.extracting(SandboxPointActivity::points)
			.containsExactly((long) DemoData.WELCOME_POINTS);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void threeNodesStartingAtOnceOnAnEmptyH2DatabaseCreateTheDemoDataOnce(CapturedOutput output) throws Exception {
		// The default profile, each node with its own embedded sandbox, on one H2 database that outlives them.
		// Its tables come first, as from a migration: unlike PostgreSQL's, H2's IF NOT EXISTS can fail when
		// two connections create the same index at once, and H2 has no advisory lock to queue them with.
		String database = "jdbc:h2:mem:several-nodes-" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
		DriverManagerDataSource h2 = new DriverManagerDataSource(database, "sa", "");
		new ResourceDatabasePopulator(new ClassPathResource("schema.sql"),
				new ClassPathResource("dev/influence4j/delivery/schema-h2.sql"))
			.execute(h2);
		try {
			startThreeAtOnce("--spring.datasource.url=" + database);
			assertDemoDataCreatedOnceBy(this.nodes, output);
		}
		finally {
			stopNodes();
			JdbcClient.create(h2).sql("SHUTDOWN").update();
		}
	}

	private void startThreeAtOnce(String... arguments) throws Exception {
		// The gate holds every node just before its DemoData runs until all three are there: the three claims
		// then meet, instead of the first node finishing before the others look.
		CountDownLatch gate = new CountDownLatch(3);
		ExecutorService starter = Executors.newFixedThreadPool(3);
		try {
			List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				// One JVM has one Logback, which every starting context configures: one at a time, or they
				// garble it. Everything after that overlaps.
				CountDownLatch loggingConfigured = new CountDownLatch(1);
				starts.add(starter.submit(() -> startNode(gate, loggingConfigured, arguments)));
				assertThat(loggingConfigured.await(1, TimeUnit.MINUTES)).isTrue();
			}
			for (Future<ConfigurableApplicationContext> start : starts) {
				this.nodes.add(start.get(3, TimeUnit.MINUTES));
			}
		}
		finally {
			starter.shutdownNow();
		}
	}

	private static void assertDemoDataCreatedOnceBy(List<ConfigurableApplicationContext> nodes, CapturedOutput output) {
		assertThat(nodes).hasSize(3).allSatisfy((node) -> assertThat(node.isActive()).isTrue());
		assertThat(count(output, "Created the demo data")).isOne();
		assertThat(count(output, "Another node created the demo data at the same moment")
				+ count(output, "The demo data was created before"))
			.isEqualTo(2);

		ConfigurableApplicationContext node = nodes.get(0);
		List<Product> products = node.getBean(ProductRepository.class).findAll();
		assertThat(products).hasSize(5);
		JdbcClient jdbc = node.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT email FROM account ORDER BY email").query(String.class).list())
			.containsExactly(DemoData.ADMIN_EMAIL, DemoData.CUSTOMER_EMAIL);
		assertThat(jdbc.sql("SELECT code FROM discount_code").query(String.class).list())
			.containsExactly(DemoData.WELCOME_CODE);
		Account jane = node.getBean(AccountRepository.class).findByEmail(DemoData.CUSTOMER_EMAIL).orElseThrow();

		// Published once: one outbox entry per demo product and one for the customer (staff are not sent).
		Map<String, Long> entries = jdbc.sql("SELECT entity_key, COUNT(*) FROM influence_outbox GROUP BY entity_key")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<String> expected = new ArrayList<>(products.stream().map((product) -> "product:" + product.id()).toList());
		expected.add("customer:" + jane.id());
		assertThat(entries).containsOnlyKeys(expected)
			.allSatisfy((key, entriesOfKey) -> assertThat(entriesOfKey).isOne());
	}

	@Test
	void aShopperAndTheAdminStayLoggedInWithTheirCartWhenTheirNodeStops() throws Exception {
		ConfigurableApplicationContext nodeA = startNode(null, new CountDownLatch(1), onPostgresql());
		ConfigurableApplicationContext nodeB = startNode(null, new CountDownLatch(1), onPostgresql());
		this.nodes.add(nodeA);
		this.nodes.add(nodeB);
		assertThat(nodeA.getBeanProvider(SessionRepository.class).getIfAvailable())
			.as("sessions are kept by Spring Session")
			.isNotNull();
		Product mug = nodeA.getBean(ProductRepository.class).findActive().get(0);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> subscribedPorts().containsAll(List.of(port(nodeA), port(nodeB))));

		StoreHttpClient onA = new StoreHttpClient(port(nodeA));
		onA.submit("/products/" + mug.id(), "/cart/add", "productId", Long.toString(mug.id()), "quantity", "2");
		assertThat(onA.location(onA.logIn(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD))).isEqualTo("/");
		assertThat(onA.get("/account").statusCode()).isEqualTo(200);
		StoreHttpClient adminOnA = new StoreHttpClient(port(nodeA));
		assertThat(adminOnA.location(adminOnA.logIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD))).isEqualTo("/");

		nodeA.close();
		assertThat(nodeA.isActive()).isFalse();

		StoreHttpClient onB = onA.onPort(port(nodeB));
		HttpResponse<String> account = onB.get("/account");
		assertThat(account.statusCode()).as("the account page on node B, not a redirect to the login").isEqualTo(200);
		assertThat(account.body()).contains(DemoData.CUSTOMER_EMAIL);
		assertThat(onB.get("/cart").body()).contains(mug.title()).containsPattern("name=\"quantity\" value=\"2\"");
		assertThat(adminOnA.onPort(port(nodeB)).get("/admin/orders").statusCode()).isEqualTo(200);

		// Node B carries on: the redeemed code reaches it through the shared sandbox's webhook, and pays.
		HttpResponse<String> redeemed = onB.submit("/account", "/account/redeem", "ruleId", "redeem-500-5-off");
		String code = match(COUPON, onB.get(onB.location(redeemed)).body());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> nodeB.getBean(DiscountCodeRepository.class).find(code).isPresent());
		HttpResponse<String> placed = onB.submit("/checkout", "/checkout", "discountCode", code, "paymentMethod",
				"CARD");
		assertThat(placed.statusCode()).as("checkout answered %s", placed.body()).isEqualTo(302);
		assertThat(onB.location(placed)).startsWith("/orders/");
	}

	private String[] onPostgresql() {
		return new String[] { "--spring.profiles.active=postgres,shared-sandbox", "--STORE_DB_URL=" + this.jdbcUrl,
				"--STORE_DB_USER=postgres", "--STORE_DB_PASSWORD=postgres",
				"--SANDBOX_URL=" + this.sandbox.platformBaseUrl() };
	}

	private static ConfigurableApplicationContext startNode(@Nullable CountDownLatch gate,
			CountDownLatch loggingConfigured, String... arguments) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SampleStoreApplication.class)
			.listeners((ApplicationListener<ApplicationContextInitializedEvent>) (event) -> loggingConfigured
				.countDown());
		if (gate != null) {
			builder.initializers((context) -> context.getBeanFactory()
				.registerSingleton("startGate", new StartGate(gate)))
				// A node that fails to start opens the gate, so that the others do not wait for it in vain.
				.listeners((ApplicationListener<ApplicationFailedEvent>) (event) -> gate.countDown());
		}
		// Arguments, as on the command line: they win over application.yml (server.port: 8080).
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--server.port=0");
		return builder.run(all.toArray(String[]::new));
	}

	private List<Integer> subscribedPorts() {
		return PlatformClient.builder()
			.apiKey(this.sandbox.apiKey())
			.baseUrl(this.sandbox.platformBaseUrl())
			.build()
			.webhooks()
			.list()
			.stream()
			.map(WebhookSubscription::address)
			.map((address) -> URI.create(address).getPort())
			.toList();
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static long count(CapturedOutput output, String text) {
		return output.getAll().lines().filter((line) -> line.contains(text)).count();
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	/**
	 * Runs before the store's own runners (DemoData among them) and waits until every node got there.
	 */
	private record StartGate(CountDownLatch gate) implements ApplicationRunner, Ordered {

		@Override
		public void run(ApplicationArguments args) throws Exception {
			this.gate.countDown();
			if (!this.gate.await(2, TimeUnit.MINUTES)) {
				throw new IllegalStateException("the other nodes did not get this far");
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
