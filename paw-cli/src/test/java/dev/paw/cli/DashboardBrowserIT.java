package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code paw serve} in a real browser (Debian's chromium, headless, through its chromedriver): the
 * Stripe pocket synced from the local Stripe mock, then synced again by another process while the
 * page is open. Writes the README's screenshot, docs/img/dashboard-stripe.png, with {@code
 * -Dpaw.updateScreenshot=true} (else target/dashboard-stripe.png).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

  private static final String MASTER_KEY = "bXktdGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=";
  private static final String STRIPE_KEY = "sk_test_pawDashboard7e1";
  private static final String HOSTILE = "<script>document.title='pwned'</script><b>Evil & Co</b>";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** The paw home, the browser profile and the logs: made for this class, deleted after it. */
  private Path dir;

  private Process stripe;
  private String stripeBase;
  private Process serve;
  private int port;
  private String url;
  private WebDriver browser;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("paw-dashboard-it");
    assertThat(CHROMIUM)
        .as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run installs it)")
        .exists();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver").exists();
    startStripe();
    // the mock keeps a customer's description (not its name), which the widget shows when there is
    // no name
    seed("/v1/customers", Map.of("description", HOSTILE, "email", "evil@example.com"));
    seed("/v1/customers", Map.of("description", "Ada Lovelace", "email", "ada@example.com"));
    for (int amount : new int[] {12000, 4550, 9900}) {
      seed(
          "/v1/charges",
          Map.of("amount", String.valueOf(amount), "currency", "usd", "source", "tok_visa"));
    }
    assertThat(
            paw(
                "connect",
                "stripe",
                "--pocket",
                "Shop",
                "--credential",
                "STRIPE_API_KEY=" + STRIPE_KEY,
                "--base-url",
                stripeBase + "/v1",
                "--no-sync"))
        .isZero();
    assertThat(paw("sync", "stripe", "--pocket", "Shop", "--table", "stripe_customers")).isZero();
    assertThat(paw("sync", "stripe", "--pocket", "Shop", "--table", "stripe_charges")).isZero();

    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    serve =
        command("serve", "--pocket", "Shop", "--port", String.valueOf(port))
            .redirectErrorStream(true)
            .start();
    url = awaitLine(serve, Pattern.compile("paw serve: (http://\\S+)"));
    assertThat(url).startsWith("http://127.0.0.1:" + port + "/pockets/shop?token=");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    for (Process process : new Process[] {serve, stripe}) {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void aRequestWithoutTheTokenIsRefused() throws Exception {
    String bare = "http://127.0.0.1:" + port + "/pockets/shop";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(bare)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    browser.get(bare);
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("open the URL that 'paw serve' printed");
    assertThat(browser.findElements(By.id("widgets"))).isEmpty();
  }

  @Test
  @Order(2)
  void thePageShowsTheStripeWidgetsWithHostileTextAsText() throws Exception {
    browser.get(url);
    assertThat(browser.getCurrentUrl()).doesNotContain("token");
    WebElement charges = awaitNumber("stripe_charges", "3");
    assertThat(charges.getText()).contains("last sync");
    WebElement customers = widget("Newest customers");
    assertThat(customers.getText()).contains(HOSTILE);
    assertThat(customers.findElements(By.tagName("script"))).isEmpty();
    assertThat(customers.findElements(By.tagName("b"))).isEmpty();
    assertThat(browser.getTitle()).isEqualTo("paw · Shop");
    WebElement revenue = widget("Revenue per month");
    assertThat(revenue.findElements(By.tagName("canvas"))).hasSize(1);
    assertThat(revenue.getText()).doesNotContain("did not load");
    assertThat(browser.findElement(By.id("table-rows")).getText()).contains("usd");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("table-select")))
        .selectByVisibleText("stripe_customers");
    awaitTableRows("evil@example.com");
    WebElement customersTable = browser.findElement(By.id("table-rows"));
    assertThat(customersTable.findElements(By.cssSelector("td .null")))
        .as("the mock keeps no name: NULL is shown as such")
        .isNotEmpty()
        .allMatch(e -> e.getText().equals("NULL"));
    assertThat(customersTable.getText()).contains(HOSTILE);
    assertThat(customersTable.findElements(By.tagName("script"))).isEmpty();
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("table-select")))
        .selectByVisibleText("stripe_charges");
    awaitTableRows("usd");
    assertThat(severeConsoleMessages()).isEmpty();

    // the README's screenshot is refreshed on request only, so a build leaves the checkout clean
    Path image =
        Boolean.getBoolean("paw.updateScreenshot")
            ? Path.of(System.getProperty("paw.repositoryRoot", ".."))
                .resolve("docs/img/dashboard-stripe.png")
            : Path.of("target/dashboard-stripe.png");
    Files.createDirectories(image.getParent());
    Files.write(image, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @Order(3)
  void aSyncInAnotherProcessShowsWithinTwoSecondsWithoutAReload() throws Exception {
    browser.get(url);
    awaitNumber("stripe_charges", "3");
    ((JavascriptExecutor) browser).executeScript("window.pawSamePage = true;");
    for (int amount : new int[] {2500, 7000}) {
      seed(
          "/v1/charges",
          Map.of("amount", String.valueOf(amount), "currency", "usd", "source", "tok_visa"));
    }
    // --full lists the charges again: a plain re-sync follows Stripe's Events API, which
    // stripe-mock does not serve
    assertThat(paw("sync", "stripe", "--pocket", "Shop", "--table", "stripe_charges", "--full"))
        .isZero();
    long synced = System.nanoTime();
    awaitNumber("stripe_charges", "5", Duration.ofSeconds(2));
    Duration shown = Duration.ofNanos(System.nanoTime() - synced);
    System.out.println(
        "DashboardBrowserIT: the page showed the other process's sync "
            + shown.toMillis()
            + " ms after it exited");
    assertThat(shown).isLessThan(Duration.ofSeconds(2));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.pawSamePage === true;"))
        .as("the page updated in place, without a reload")
        .isEqualTo(true);
    assertThat(widget("stripe_charges").getText()).contains("refreshed");
    assertThat(severeConsoleMessages()).isEmpty();
  }

  @Test
  @Order(4)
  void thePocketsPageListsThePocketWithItsConnectionTablesAndHealth() {
    browser.get("http://127.0.0.1:" + port + "/");
    WebElement card =
        new WebDriverWait(browser, Duration.ofSeconds(10))
            .until(b -> b.findElement(By.cssSelector(".pocket-card")));
    assertThat(card.getText())
        .contains(
            "Shop", "health: ok", "stripe (connected)", "stripe_charges (5)", "last sync: 20");
    card.findElement(By.linkText("Shop")).click();
    awaitNumber("stripe_charges", "5");
    assertThat(severeConsoleMessages()).isEmpty();
  }

  /** Waits for the table browser to show {@code text}; it re-renders its rows while loading. */
  private void awaitTableRows(String text) {
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "the table browser showing " + text)
        .until(b -> b.findElement(By.id("table-rows")).getText().contains(text));
  }

  private WebElement widget(String title) {
    return browser.findElement(By.cssSelector(".widget[data-title='" + title + "']"));
  }

  private WebElement awaitNumber(String title, String number) {
    return awaitNumber(title, number, Duration.ofSeconds(15));
  }

  private WebElement awaitNumber(String title, String number, Duration within) {
    new WebDriverWait(browser, within, Duration.ofMillis(50))
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "widget " + title + " showing " + number)
        .until(
            b ->
                b
                    .findElements(By.cssSelector(".widget[data-title='" + title + "'] .number"))
                    .stream()
                    .anyMatch(e -> e.getText().equals(number)));
    return widget(title);
  }

  private List<String> severeConsoleMessages() {
    List<String> severe = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      // the token-less request of the first test is refused on purpose
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && !entry.getMessage().contains("401")) {
        severe.add(entry.getMessage());
      }
    }
    return severe;
  }

  private ProcessBuilder command(String... arguments) {
    List<String> line =
        new ArrayList<>(
            List.of(
                "java",
                "-jar",
                System.getProperty("paw.jar"),
                "--home",
                dir.resolve("home").toString()));
    line.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(line);
    builder.environment().put("PAW_MASTER_KEY", MASTER_KEY);
    return builder;
  }

  /** Runs paw in a process of its own; returns its exit code. */
  private int paw(String... arguments) throws Exception {
    Process process =
        command(arguments)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("paw.log").toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    if (process.exitValue() != 0) {
      System.err.println(Files.readString(dir.resolve("paw.log")));
    }
    return process.exitValue();
  }

  private void startStripe() throws Exception {
    Path nodePath = Path.of(System.getProperty("paw.stripeMock.nodePath"));
    ProcessBuilder builder =
        new ProcessBuilder("node", System.getProperty("paw.stripeMock.script"))
            .redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    builder.environment().put("NODE_PATH", nodePath.toString());
    builder.environment().put("LOG_LEVEL", "warn");
    stripe = builder.start();
    stripeBase =
        "http://127.0.0.1:"
            + awaitLine(stripe, Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)"));
  }

  /** The first group of the first line of the process's output that matches; drains the rest. */
  private static String awaitLine(Process process, Pattern pattern) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "drain");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
      seen.add(line);
    }
    throw new IllegalStateException("no line matching " + pattern + " in " + seen);
  }

  private void seed(String path, Map<String, String> form) throws Exception {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> field : form.entrySet()) {
      body.append(body.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stripeBase + path))
                .header("Authorization", "Bearer " + STRIPE_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
