package dev.influence4j.sample.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import dev.influence4j.operations.DeliveryOperations;
import dev.influence4j.sample.Shopper;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.TestProducts;
import dev.influence4j.sample.catalogue.Catalogue;
import dev.influence4j.sample.catalogue.Product;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.test.InfluenceSandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator page in headless Chromium, as the admin uses it when Influence.io (the sandbox) rejects an order:
 * the dead letter is shown with its error, and requeued once the cause is gone. Runs only in the
 * {@code browser-tests} Maven profile, like {@link AccountPageBrowserTests} (same browser, same needs). Leaves
 * screenshots in {@code target/screenshots/operator-dead-letter.png} and {@code operator-requeued.png}.
 */
@Tag("browser")
@StoreTest
class OperatorPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogue catalogue;

	@Autowired
	DeliveryOperations operations;

	WebDriver browser;

	@BeforeEach
	void startBrowser(@TempDir Path profile) {
		this.browser = HeadlessChromium.start(profile);
	}

	@AfterEach
	void stopBrowser() {
		this.sandbox.faults().clear();
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void adminRequeuesAnOrderInfluenceRejectedOnceTheCauseIsFixed() throws Exception {
		assertThat(this.operations.deadLetters(0, 1, null).items()).as("dead letters left by other tests").isEmpty();
		// Influence.io refuses every new order until the cause is fixed: a 422, which is never retried.
		this.sandbox.faults().on("POST", "/v1/orders").failRatio(1.0, 422);
		Product product = TestProducts.onSale(this.catalogue, "Milk jug", "18.00");
		Shopper customer = Shopper.registered(this.mvc);
		customer.addToCart(product.id(), 1);
		long orderId = customer.placeOrder("", "CARD");
		String key = "order:" + orderId;
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));

		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys(DemoData.ADMIN_EMAIL);
		this.browser.findElement(By.name("password")).sendKeys(DemoData.ADMIN_PASSWORD);
		this.browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url("/")));
		this.browser.findElement(By.linkText("Admin: Influence.io")).click();
		wait.until(ExpectedConditions.urlToBe(url("/admin/influence")));

		WebElement row = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> deadLetterRow(key), (rows) -> rows.size() == 1)
			.get(0);
		String entryId = row.findElement(By.cssSelector("td")).getText();
		assertThat(row.findElement(By.cssSelector("td.kind")).getText()).isEqualTo("order.completed");
		assertThat(row.findElement(By.cssSelector("td.error")).getText()).contains("422");
		assertThat(this.sandbox.order(Long.toString(orderId))).isEmpty();
		// The payload, opened, names the customer by a masked email only.
		WebElement payload = row.findElement(By.xpath("following-sibling::tr[1]"));
		payload.findElement(By.tagName("summary")).click();
		String shownPayload = payload.findElement(By.tagName("pre")).getText();
		assertThat(shownPayload).contains("\"orderId\"").contains(customer.email().charAt(0) + "***@example.com");
		assertThat(this.browser.getPageSource()).doesNotContain(customer.email());
		screenshot("operator-dead-letter.png");

		this.sandbox.faults().clear();
		row.findElement(By.cssSelector("button.requeue")).click();
		WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice")));
		assertThat(notice.getText()).isEqualTo("entry " + entryId + " requeued: due now");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.sandbox.order(Long.toString(orderId))).isPresent());
		this.browser.get(url("/admin/influence"));
		assertThat(this.browser.findElement(By.id("no-dead-letters")).getText()).isEqualTo("No dead letters.");
		assertThat(this.browser.findElements(By.cssSelector("tr.dead-letter"))).isEmpty();
		screenshot("operator-requeued.png");
	}

	/** The operator page's rows for an entity key, read afresh. */
	private List<WebElement> deadLetterRow(String key) {
		this.browser.navigate().refresh();
		return this.browser.findElements(By.cssSelector("tr.dead-letter"))
			.stream()
			.filter((row) -> row.findElement(By.cssSelector("td.key")).getText().equals(key))
			.toList();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws Exception {
		Path directory = Files.createDirectories(Path.of("target", "screenshots"));
		File taken = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(taken.toPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
