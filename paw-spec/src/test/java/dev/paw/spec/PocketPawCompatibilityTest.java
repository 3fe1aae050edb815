package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PocketPaw's own connector files ({@code ../shared/pocketpaw-connectors}) load unchanged, without
 * errors, and mean what PocketPaw users meant by them.
 */
@EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)
class PocketPawCompatibilityTest {

  static Stream<Path> pocketPawFiles() {
    return TestFiles.sharedConnectorFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pocketPawFiles")
  void loadsWithoutErrors(Path file) {
    ConnectorLoader.Result result = load(file);

    assertThat(result.errors()).map(Diagnostic::toString).isEmpty();
    assertThat(result.spec()).isNotNull();
    assertThat(result.spec().source()).isEqualTo(displayPath(file));
  }

  @Test
  void thereAreThirtyPocketPawFiles() {
    assertThat(TestFiles.sharedConnectorFiles()).hasSize(30);
  }

  @Test
  void stripeSyncsInvoicesFromListInvoicesKeyedById() {
    ConnectorSpec stripe = spec("stripe.yaml");

    StreamSpec invoices = stripe.stream("stripe_invoices").orElseThrow();
    assertThat(invoices.source()).isEqualTo("list_invoices");
    assertThat(invoices.primaryKey()).containsExactly("id");
    assertThat(invoices.schedule().interval()).hasMinutes(15);
    assertThat(invoices.writeMode()).isEqualTo(WriteMode.MERGE);
    assertThat(invoices.column("amount").orElseThrow().from()).isEqualTo("amount_due");
    assertThat(invoices.isRunnable()).isTrue();
  }

  @Test
  void stripeApiKeyIsSentAsBearerWithAWarningSayingHowToChangeIt() {
    ConnectorLoader.Result result = load(file("stripe.yaml"));
    AuthSpec auth = result.spec().auth();

    assertThat(auth.credential()).isEqualTo("STRIPE_API_KEY");
    assertThat(auth.in()).isEqualTo(AuthSpec.IN_HEADER);
    assertThat(auth.name()).isEqualTo("Authorization");
    assertThat(auth.prefix()).isEqualTo("Bearer ");
    assertThat(result.warnings())
        .map(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("api_key auth does not say where the key goes"));
  }

  @Test
  void stripeDefaultsAndTrustAreKept() {
    ConnectorSpec stripe = spec("stripe.yaml");

    ActionSpec listInvoices = stripe.action("list_invoices").orElseThrow();
    assertThat(listInvoices.param("limit").orElseThrow().defaultValue()).isEqualTo(25L);
    assertThat(listInvoices.trustLevel()).isEqualTo(TrustLevel.AUTO);
    assertThat(listInvoices.contentType()).isEqualTo(ContentType.FORM);
    assertThat(stripe.action("create_refund").orElseThrow().trustLevel())
        .isEqualTo(TrustLevel.RESTRICTED);
    assertThat(stripe.action("create_invoice").orElseThrow().body())
        .extracting(ParamSpec::name)
        .containsExactly("customer", "description", "days_until_due");
  }

  @Test
  void githubSyncsReposFromListRepos() {
    StreamSpec repos = spec("github.yaml").stream("github_repos").orElseThrow();

    assertThat(repos.source()).isEqualTo("list_repos");
    assertThat(repos.primaryKey()).containsExactly("id");
  }

  @Test
  void githubPathPlaceholdersBecomePathParameters() {
    ActionSpec listIssues = spec("github.yaml").action("list_issues").orElseThrow();

    assertThat(listIssues.param("owner").orElseThrow().in()).isEqualTo(ParamIn.PATH);
    assertThat(listIssues.param("repo").orElseThrow().in()).isEqualTo(ParamIn.PATH);
    assertThat(listIssues.param("state").orElseThrow().in()).isEqualTo(ParamIn.QUERY);
  }

  @Test
  void confluenceStreamIsNotRunnableAndTheWarningNamesSpaceKey() {
    ConnectorLoader.Result result = load(file("confluence.yaml"));

    StreamSpec pages = result.spec().stream("confluence_pages").orElseThrow();
    assertThat(pages.isRunnable()).isFalse();
    assertThat(pages.source()).isNull();
    assertThat(result.warnings())
        .map(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("confluence_pages").contains("'spaceKey'"));
  }

  @Test
  void confluenceBaseUrlCredentialMayFillTheHost() {
    ActionSpec search = spec("confluence.yaml").action("search").orElseThrow();

    assertThat(search.urlTemplate().orElseThrow().hostPlaceholders())
        .containsExactly("CONFLUENCE_BASE_URL");
  }

  @Test
  void servicenowBasicAuthPicksUsernameAndPasswordByName() {
    AuthSpec auth = spec("servicenow.yaml").auth();

    assertThat(auth.method()).isEqualTo(AuthMethod.BASIC);
    assertThat(auth.username()).isEqualTo("SNOW_USERNAME");
    assertThat(auth.password()).isEqualTo("SNOW_PASSWORD");
  }

  @Test
  void servicenowStreamUsesSysIdAsItsKeyColumn() {
    StreamSpec incidents = spec("servicenow.yaml").stream("snow_incidents").orElseThrow();

    assertThat(incidents.source()).isEqualTo("list_incidents");
    assertThat(incidents.primaryKey()).containsExactly("id");
    assertThat(incidents.column("id").orElseThrow().from()).isEqualTo("sys_id");
  }

  @Test
  void pagerdutyArrayParameterKeepsItsWireName() {
    ActionSpec listIncidents = spec("pagerduty.yaml").action("list_incidents").orElseThrow();

    ParamSpec statuses = listIncidents.param("statuses[]").orElseThrow();
    assertThat(statuses.in()).isEqualTo(ParamIn.QUERY);
    assertThat(statuses.defaultValue()).isEqualTo("triggered");
    assertThat(statuses.enumValues()).containsExactly("triggered", "acknowledged", "resolved");
  }

  @Test
  void csvSyncsNothingAndItsActionsAreLocal() {
    ConnectorSpec csv = spec("csv.yaml");

    assertThat(csv.streams()).isEmpty();
    assertThat(csv.auth().method()).isEqualTo(AuthMethod.NONE);
    assertThat(csv.actions()).extracting(ActionSpec::method).containsOnly(HttpMethod.LOCAL);
  }

  @Test
  void redditOauthWithoutSettingsSendsItsTokenAsBearer() {
    AuthSpec auth = spec("reddit.yaml").auth();

    assertThat(auth.method()).isEqualTo(AuthMethod.OAUTH2);
    assertThat(auth.oauth2()).isNull();
    assertThat(auth.credential()).isEqualTo("REDDIT_OAUTH_TOKEN");
    assertThat(auth.prefix()).isEqualTo("Bearer ");
  }

  private static ConnectorSpec spec(String fileName) {
    return load(file(fileName)).orThrow();
  }

  private static ConnectorLoader.Result load(Path file) {
    return ConnectorLoader.load(file, displayPath(file));
  }

  private static Path file(String fileName) {
    return TestFiles.sharedConnectors().resolve(fileName);
  }

  private static String displayPath(Path file) {
    return "pocketpaw-connectors/" + file.getFileName();
  }
}
