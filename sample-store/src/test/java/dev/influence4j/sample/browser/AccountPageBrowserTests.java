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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.influence4j.sample.StoreTest;
import dev.influence4j.sample.account.Account;
import dev.influence4j.sample.account.AccountRepository;
import dev.influence4j.sample.demo.DemoData;
import dev.influence4j.test.InfluenceSandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page in headless Chromium, as the demo customer sees it. Runs only in the
 * {@code browser-tests} Maven profile; needs Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or the system properties
 * {@code browser.binary} and {@code browser.driver}). Leaves a screenshot in
 * {@code target/screenshots/account.png}.
 */
@Tag("browser")
@StoreTest
class AccountPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	InfluenceSandbox sandbox;

	@Autowired
	AccountRepository accounts;

	WebDriver browser;

	@BeforeEach
	void startBrowser(@TempDir Path profile) {
		this.browser = HeadlessChromium.start(profile);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void demoCustomerSeesTheirPointBalanceOnTheAccountPage() throws Exception {
		Account jane = this.accounts.findByEmail(DemoData.CUSTOMER_EMAIL).orElseThrow();
		long balance = this.sandbox.customer(Long.toString(jane.id())).orElseThrow().pointBalance();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));

		this.browser.get("http://localhost:" + this.port + "/login");
		this.browser.findElement(By.name("username")).sendKeys(DemoData.CUSTOMER_EMAIL);
		this.browser.findElement(By.name("password")).sendKeys(DemoData.CUSTOMER_PASSWORD);
		this.browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe("http://localhost:" + this.port + "/"));

		this.browser.get("http://localhost:" + this.port + "/account");
		String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("point-balance"))).getText();
		String sentence = this.browser.findElement(By.cssSelector(".balance")).getText();
		screenshot("account.png");

		assertThat(balance).isEqualTo(DemoData.WELCOME_POINTS);
		assertThat(shown).isEqualTo(Long.toString(balance));
		assertThat(sentence).isEqualTo("You have " + balance + " points.");
		assertThat(this.browser.findElements(By.id("loyalty-problem"))).isEmpty();

		// The loyalty widgets' mount point carries the customer and a digest Influence.io (the sandbox) accepts.
		WebElement widget = this.browser.findElement(By.cssSelector("div.influenceio-widgets-init"));
		String customerId = Long.toString(jane.id());
		assertThat(widget.getDomAttribute("data-shop")).isEqualTo(this.sandbox.shopKey());
		assertThat(widget.getDomAttribute("data-base-url")).isEqualTo(this.sandbox.launcherBaseUrl());
		assertThat(widget.getDomAttribute("data-customer-email")).isEqualTo(DemoData.CUSTOMER_EMAIL);
		assertThat(widget.getDomAttribute("data-customer-id")).isEqualTo(customerId);
		assertThat(widget.getDomAttribute("data-customer-digest"))
			.isEqualTo(this.sandbox.digest(DemoData.CUSTOMER_EMAIL, customerId))
			.matches("[0-9a-f]{64}");
	}

	@Test
	void aGuestGetsTheWidgetElementWithoutCustomerAttributes() {
		this.browser.get("http://localhost:" + this.port + "/");

		WebElement widget = new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.influenceio-widgets-init")));
		assertThat(widget.getDomAttribute("data-shop")).isEqualTo(this.sandbox.shopKey());
		assertThat(widget.getDomAttribute("data-customer-email")).isNull();
		assertThat(widget.getDomAttribute("data-customer-digest")).isNull();
	}

	private void screenshot(String name) throws Exception {
		Path directory = Files.createDirectories(Path.of("target", "screenshots"));
		File taken = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(taken.toPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
