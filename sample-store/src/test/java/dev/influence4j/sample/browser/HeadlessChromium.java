package dev.influence4j.sample.browser;

import java.io.File;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser the browser tests drive: Debian's headless Chromium with its driver
 * ({@code -Dbrowser.binary=...} and {@code -Dbrowser.driver=...} name others).
 */
final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/**
	 * Start a browser.
	 * @param profile an empty directory for its profile
	 * @return the browser; quit it after the test
	 */
	static WebDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"));
		// A fresh profile, and nothing that reaches out to the network on its own.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1100,1000", "--user-data-dir=" + profile.toAbsolutePath());
		// The driver is given, so Selenium Manager never tries to download one.
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("browser.driver", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
