package dev.paw.runtime.pocketpaw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.runtime.testing.SharedConnectors;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.CredentialSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each PocketPaw file whose API shape is public syncs its main stream, unchanged, against a server
 * that answers with that API's documented list shape (fixtures in {@code pocketpaw/}): the request
 * goes to the file's path with the file's defaults and the connection's parameters, carries the
 * credentials, and the records land as rows with the values the API gave, numbers as numbers. The
 * PocketPaw files declare no pagination, so one run reads one page of the file's page size.
 */
@EnabledIf(value = SharedConnectors.PRESENT, disabledReason = SharedConnectors.MISSING)
class PocketPawServerTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private Paw paw;

  @AfterEach
  void tearDown() {
    if (paw != null) {
      paw.close();
    }
  }

  /**
   * One file's main stream: the connect-time parameters, the request it must make (path and one
   * query parameter), the rows it must land (every column, '|'-separated, in key order) and one
   * column's stored Java type.
   */
  record Case(
      String file,
      String table,
      Map<String, Object> params,
      String path,
      String query,
      List<String> rows,
      String typedColumn,
      Class<?> type) {
    @Override
    public String toString() {
      return file + " " + table;
    }
  }

  static Stream<Arguments> files() {
    return Stream.of(
            new Case(
                "github",
                "github_repos",
                Map.of(),
                "/user/repos",
                "per_page=100",
                List.of(
                    "1296269|octocat/Hello-World|This your first repo!|80|Ruby|2011-01-26T19:14:43Z",
                    "1300192|octocat/Spoon-Knife|null|12000|HTML|2024-05-01T08:00:00Z"),
                "stars",
                Long.class),
            new Case(
                "gitlab",
                "gitlab_projects",
                Map.of(),
                "/api/v4/projects",
                "membership=true",
                List.of(
                    "4|diaspora/diaspora-client|Client for the \"diaspora\" network|3"
                        + "|2013-09-30T13:46:02Z",
                    "6|brightbox/puppet|null|0|2024-02-11T10:00:00Z"),
                "stars",
                Long.class),
            new Case(
                "datadog",
                "datadog_monitors",
                Map.of(),
                "/api/v1/monitor",
                "page_size=25",
                List.of(
                    "91879|Bytes received on host0|metric alert|Alert"
                        + "|avg(last_1h):sum:system.net.bytes_rcvd{host:host0} > 100"
                        + "|2024-03-01T10:15:00.000000+00:00",
                    "91880|Disk full|metric alert|Warn|avg(last_5m):avg:system.disk.in_use{*} > 0.9"
                        + "|2024-03-02T11:00:00.000000+00:00"),
                "id",
                Long.class),
            new Case(
                "drive",
                "drive_files",
                Map.of(),
                "/drive/v3/files",
                "page_size=20",
                List.of(
                    "1a2B3c4D5e|Q1 plan|application/vnd.google-apps.document"
                        + "|2024-03-04T08:15:00.000Z|null"
                        + "|https://docs.google.com/document/d/1a2B3c4D5e/edit",
                    "9z8Y7x|photo.jpg|image/jpeg|2024-03-05T17:40:00.000Z|204800"
                        + "|https://drive.google.com/file/d/9z8Y7x/view"),
                "size",
                String.class),
            new Case(
                "freshdesk",
                "freshdesk_tickets",
                Map.of(),
                "/api/v2/tickets",
                "per_page=30",
                List.of(
                    "20|Support needed..|2|1|1000000048|null|2015-08-24T11:56:51Z"
                        + "|2015-08-24T11:59:05Z",
                    "21|Printer on fire|3|4|1000000049|6000000001|2015-08-25T09:00:00Z"
                        + "|2015-08-25T09:30:00Z"),
                "priority",
                Long.class),
            new Case(
                "intercom",
                "intercom_conversations",
                Map.of(),
                "/conversations",
                "per_page=20",
                List.of(
                    "1911149811|Billing question|open|Ada|1663597223|1663597260",
                    "1911149812||closed|null|1663597300|1663598000"),
                "created",
                Long.class),
            new Case(
                "pagerduty",
                "pagerduty_incidents",
                Map.of(),
                "/incidents",
                "statuses[]=triggered",
                List.of(
                    "PT4KHLK|The server is on fire.|triggered|high|My Mail Service"
                        + "|2015-10-06T21:30:42Z",
                    "PT4KHLM|Disk almost full.|acknowledged|low|Storage|2015-10-07T08:00:00Z"),
                "title",
                String.class),
            new Case(
                "salesforce",
                "salesforce_accounts",
                Map.of(),
                "/services/data/v59.0/query",
                "q=SELECT Id, Name, Industry, Website, AnnualRevenue, NumberOfEmployees FROM Account"
                    + " ORDER BY LastModifiedDate DESC LIMIT 25",
                List.of(
                    "001D000000IRFmaIAH|Edge Communications|Electronics|http://edgecomm.com|1.39E8",
                    "001D000000IRFmbIAH|Burlington Textiles|null|null|null"),
                "revenue",
                Double.class),
            new Case(
                "servicenow",
                "snow_incidents",
                // the file's default sysparm_fields leaves out sys_id, the column its key maps
                Map.of(
                    "sysparm_fields",
                    "sys_id,number,short_description,state,priority,assigned_to,sys_updated_on"),
                "/api/now/table/incident",
                "sysparm_fields=sys_id,number,short_description,state,priority,assigned_to,"
                    + "sys_updated_on",
                List.of(
                    "9c573169c611228700193229fff72400|INC0000001|Can't read email|Closed"
                        + "|1 - Critical|{\"display_value\":\"Charlie Whitherspoon\",\"link\":"
                        + "\"https://acme.service-now.com/api/now/table/sys_user/"
                        + "5137153cc611227c000bbd1bd8cd2005\"}|2024-03-04 09:00:00",
                    "9d385017c611228701d22104cc95c371|INC0000002|Network storage unavailable"
                        + "|On Hold|1 - Critical||2024-03-05 12:30:00"),
                "number",
                String.class),
            new Case(
                "stripe",
                "stripe_invoices",
                Map.of(),
                "/v1/invoices",
                "limit=25",
                List.of(
                    "in_1MtHbELkdIwHu7ixl4OzzPMv|999|draft|cus_NeZwdNtLEOXuvB|1680644467",
                    "in_1MtHbELkdIwHu7ixl4OzzPMw|0|paid|cus_NeZwdNtLEOXuvC|1680644500"),
                "amount",
                Long.class),
            new Case(
                "confluence",
                "confluence_pages",
                Map.of("spaceKey", "TEAM"),
                "/rest/api/content",
                "spaceKey=TEAM",
                List.of(
                    "101|Runbook|TEAM|/spaces/TEAM/pages/101/Runbook|3|2024-03-01T10:00:00.000Z",
                    "102|On-call rota|TEAM|/spaces/TEAM/pages/102/On-call+rota|1"
                        + "|2024-03-02T09:30:00.000Z"),
                "version",
                Long.class),
            new Case(
                "sharepoint",
                "sharepoint_files",
                Map.of("site_id", "acme.sharepoint.com", "drive_id", "b!-RIj2DuyvEyV"),
                "/v1.0/sites/acme.sharepoint.com/drives/b%21-RIj2DuyvEyV/root/children",
                "folder_path=root",
                List.of(
                    "01BYE5RZ5MYLM2SMX75ZBIPQZIHT6OAYPB|Q2|/drive/root:|0|Grace Hopper"
                        + "|2024-03-05T17:40:00Z",
                    "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K|Budget.xlsx|/drive/root:|18234"
                        + "|Ada Lovelace|2024-03-04T08:15:00Z"),
                "size",
                Long.class),
            // maps no columns: they are inferred from the first page when connecting
            new Case(
                "airtable",
                "airtable_records",
                Map.of("base_id", "appXYZ", "table_id", "People"),
                "/v0/appXYZ/People",
                "maxRecords=25",
                List.of(
                    "rec3lbPRG4aVqkeOQ|2022-09-12T21:03:48.000Z"
                        + "|{\"Name\":\"Alan Turing\",\"Status\":\"Paused\"}",
                    "rec560UJdUtocSouk|2022-09-12T21:03:48.000Z"
                        + "|{\"Name\":\"Ada Lovelace\",\"Status\":\"Active\",\"Visits\":3}"),
                "createdTime",
                String.class))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void theMainStreamSyncsTheApisDocumentedPageIntoRows(Case c) throws Exception {
    String page = fixture(c.table());
    List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public @NotNull MockResponse dispatch(@NotNull RecordedRequest request) {
            requests.add(request);
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body(page)
                .build();
          }
        });
    Path connectors = Files.createDirectories(dir.resolve("connectors"));
    Files.copy(
        SharedConnectors.directory().resolve(c.file() + ".yaml"),
        connectors.resolve(c.file() + ".yaml"));
    paw = TestPaws.open(dir.resolve("home"), new InMemoryCredentialStore(), connectors);
    Pocket pocket = paw.pocket("PocketPaw");
    String name =
        ConnectorLoader.load(connectors.resolve(c.file() + ".yaml"), c.file() + ".yaml")
            .orThrow()
            .name();
    ConnectorSpec spec = paw.requireConnector(name).spec();
    ScopedCredentials store = paw.credentials(pocket, name);
    for (CredentialSpec credential : spec.auth().credentials()) {
      if (credential.required()) {
        store.put(credential.name(), Secret.of(credentialValue(credential.name())));
      }
    }
    ConnectorProtocol connector = paw.connector(pocket, name);
    connector
        .connect(
            new ConnectOptions(server.url("/").toString(), c.params()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    connector.sync(c.table()).toCompletableFuture().join();

    RecordedRequest last = requests.get(requests.size() - 1);
    assertThat(last.getUrl().encodedPath()).isEqualTo(c.path());
    String query = c.query().substring(0, c.query().indexOf('='));
    assertThat(last.getUrl().queryParameter(query))
        .isEqualTo(c.query().substring(c.query().indexOf('=') + 1));
    assertThat(last.getHeaders().get("Authorization"))
        .as("the credentials are sent")
        .matches("(Bearer|Basic) .+");
    List<String> columns =
        connector.schema().stream()
            .filter(t -> t.table().equals(c.table()))
            .findFirst()
            .orElseThrow()
            .columns()
            .stream()
            .map(ConnectorProtocol.TableSchema.Column::name)
            .toList();
    assertThat(
            connector.rows(
                c.table(),
                r ->
                    java.util.stream.IntStream.rangeClosed(1, columns.size())
                        .mapToObj(i -> String.valueOf(r.getAny(i)))
                        .collect(Collectors.joining("|"))))
        .containsExactlyElementsOf(c.rows());
    int typed = columns.indexOf(c.typedColumn()) + 1;
    assertThat(typed).as("column %s", c.typedColumn()).isPositive();
    assertThat(connector.rows(c.table(), r -> r.getAny(typed)))
        .as("stored type of %s", c.typedColumn())
        .filteredOn(java.util.Objects::nonNull)
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).isInstanceOf(c.type()));
  }

  private static String credentialValue(String name) {
    if (name.endsWith("_URL")) {
      return "https://acme.example";
    }
    if (name.endsWith("_DOMAIN")) {
      return "acme";
    }
    return "test-" + name.toLowerCase(java.util.Locale.ROOT);
  }

  private static String fixture(String table) throws IOException {
    try (InputStream in =
        PocketPawServerTest.class.getResourceAsStream("/pocketpaw/" + table + ".json")) {
      assertThat(in).as("fixture pocketpaw/%s.json", table).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
