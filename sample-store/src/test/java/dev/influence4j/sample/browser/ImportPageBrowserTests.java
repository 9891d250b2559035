package dev.influence4j.sample.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.influence4j.backfill.Backfill;
import dev.influence4j.backfill.BackfillKind;
import dev.influence4j.sample.BulkAccounts;
import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.test.InfluenceSandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import page in headless Chromium, as the admin follows an import of 2,000 existing customers through a
 * pause and a resume. The sandbox answers slowly at first, so the outbox's backlog holds the import back midway
 * where the page can be watched. Runs only in the {@code browser-tests} Maven profile, like
 * {@link OperatorPageBrowserTests}. Leaves screenshots in {@code target/screenshots/import-paused.png} and
 * {@code import-done.png}.
 */
@Tag("browser")
@StoreTest
class ImportPageBrowserTests {

	private static final int CUSTOMERS = 2_000;

	@LocalServerPort
	int port;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	Backfill backfill;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	BulkAccounts accounts;

	@BeforeEach
	void startBrowser(@TempDir Path profile) {
		this.backfill.cancel();
		this.accounts = BulkAccounts.insert(this.jdbc, CUSTOMERS);
		this.browser = HeadlessChromium.start(profile);
	}

	@AfterEach
	void stopBrowser() {
		this.sandbox.faults().clear();
		this.backfill.cancel();
		this.accounts.delete();
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void adminPausesAndResumesAnImportAndSeesItFinish() throws Exception {
		// Each customer takes a second to deliver: the backlog fills and the import waits for it, midway.
		this.sandbox.faults().on("PUT", "/v1/customers/").delayNext(100_000, Duration.ofSeconds(1));
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys(DemoData.ADMIN_EMAIL);
		this.browser.findElement(By.name("password")).sendKeys(DemoData.ADMIN_PASSWORD);
		this.browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(url("/")));
		this.browser.findElement(By.linkText("Admin: import")).click();
		wait.until(ExpectedConditions.urlToBe(url("/admin/influence/import")));
		assertThat(this.browser.findElement(By.id("kind-orders")).isSelected()).as("orders opt-in").isFalse();
		assertThat(this.browser.findElement(By.id("orders-warning")).isDisplayed()).isTrue();

		this.browser.findElement(By.id("start-import")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice"))).getText())
			.isEqualTo("Import started: customers, products.");
		int shown = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> refreshed("progress.bar", "value"), (value) -> value > 0);
		assertThat(shown).as("percent shown midway").isLessThan(100);
		assertThat(text("td.read")).isGreaterThan(0);
		assertThat(textOf(".read-of-total")).endsWith(" of " + total() + " read (" + shown + " %)");

		this.browser.findElement(By.id("pause")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice"))).getText())
			.matches("[12] imports? paused\\.");
		assertThat(textOf(".state")).isEqualTo("paused");
		long pausedAt = text("td.read");
		// The sandbox is fast again and the backlog drains: a running import would read on within a poll.
		this.sandbox.faults().clear();
		String cursor = this.backfill.status(BackfillKind.CUSTOMERS).orElseThrow().cursor();
		assertThat(cursor).isNotNull();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.sandbox.customer(cursor).isPresent());
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> Long.parseLong(refreshedText("td.read")) == pausedAt);
		assertThat(textOf(".state")).isEqualTo("paused");
		screenshot("import-paused.png");

		this.browser.findElement(By.id("resume")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice"))).getText())
			.matches("[12] imports? resumed\\.");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> refreshedText(".state").equals("done"));
		assertThat(attribute("progress.bar", "value")).isEqualTo(100);
		assertThat(textOf(".read-of-total")).isEqualTo(total() + " of " + total() + " read (100 %)");
		assertThat(text("td.failed")).isZero();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.sandbox.customer(Long.toString(this.accounts.id(CUSTOMERS))).isPresent());
		screenshot("import-done.png");
	}

	private long total() {
		return this.backfill.status(BackfillKind.CUSTOMERS).orElseThrow().total();
	}

	/** An attribute of the customers' import, the page read afresh. */
	private int refreshed(String selector, String attribute) {
		this.browser.navigate().refresh();
		return attribute(selector, attribute);
	}

	private String refreshedText(String selector) {
		this.browser.navigate().refresh();
		return textOf(selector);
	}

	private int attribute(String selector, String attribute) {
		return Integer.parseInt(this.browser.findElement(By.cssSelector("#import-customers " + selector))
			.getDomAttribute(attribute));
	}

	private String textOf(String selector) {
		return this.browser.findElement(By.cssSelector("#import-customers " + selector)).getText();
	}

	private long text(String selector) {
		return Long.parseLong(textOf(selector));
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
