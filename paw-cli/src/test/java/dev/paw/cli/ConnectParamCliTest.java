package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paw connect NAME --param name=value}: PocketPaw's SharePoint file syncs a drive's files
 * once the site and drive are given; without them, connect says exactly which flags to add; a
 * misspelt or mistyped parameter is a usage error naming it.
 */
class ConnectParamCliTest {

  private static final Path SHARED =
      Path.of(System.getProperty("paw.repositoryRoot", ".."))
          .toAbsolutePath()
          .resolve("../shared/pocketpaw-connectors")
          .normalize();

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path home;

  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();
  private final Map<String, String> env =
      new HashMap<>(Map.of("PAW_MASTER_KEY", "cli test master key 1234"));

  @BeforeEach
  void sharePointInTheHome() throws Exception {
    assumeTrue(
        Files.isDirectory(SHARED),
        "skipped: ../shared/pocketpaw-connectors not found beside the checkout (CI provides it)");
    Files.copy(
        SHARED.resolve("sharepoint.yaml"),
        Files.createDirectories(home.resolve("connectors")).resolve("sharepoint.yaml"));
  }

  private int paw(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ScriptedTerminal terminal = new ScriptedTerminal(false);
    int exit = PawCli.run(all, terminal, env);
    out.append(terminal.printed());
    err.append(terminal.errors());
    return exit;
  }

  private int connect(String... more) {
    String[] base = {
      "connect",
      "sharepoint",
      "--pocket",
      "Docs",
      "--credential",
      "MS_ACCESS_TOKEN=token-abc",
      "--base-url",
      server.url("/").toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return paw(all);
  }

  @Test
  void withoutTheParametersConnectSaysWhichToAdd() {
    assertThat(connect("--no-sync")).as("%s", err).isZero();
    assertThat(err.toString())
        .contains(
            "sharepoint.yaml:108:10) reads 'list_files', which"
                + " needs 'site_id', 'drive_id': connect with --param site_id=... --param"
                + " drive_id=...");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMisspeltOrMistypedParameterIsAUsageErrorNamingIt() {
    assertThat(connect("--param", "siteid=s1", "--no-sync")).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString())
        .contains("connector 'sharepoint' has no sync parameter 'siteid'")
        .contains("site_id, drive_id");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theGivenParametersAreStoredAndTheDriveSyncs() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#drives('b!x')/root/children",
                 "value": [
                  {"id": "01A", "name": "Budget.xlsx", "size": 18234,
                   "lastModifiedDateTime": "2026-03-04T08:15:00Z",
                   "parentReference": {"driveId": "b!x", "path": "/drive/root:"},
                   "lastModifiedBy": {"user": {"displayName": "Ada Lovelace"}}},
                  {"id": "01B", "name": "Plan.docx", "size": 5120,
                   "lastModifiedDateTime": "2026-03-05T17:40:00Z",
                   "parentReference": {"driveId": "b!x", "path": "/drive/root:/Q2"},
                   "lastModifiedBy": {"user": {"displayName": "Grace Hopper"}}}]}""")
            .build());
    assertThat(connect("--param", "site_id=contoso.sharepoint.com,1,2", "--param", "drive_id=b!x"))
        .as("%s%s", out, err)
        .isZero();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v1.0/sites/contoso.sharepoint.com%2C1%2C2/drives/b%21x/root/children");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-abc");
    assertThat(err.toString()).doesNotContain("--param");

    // the stored parameters serve a later sync without repeating them
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"value\": []}")
            .build());
    assertThat(paw("sync", "sharepoint", "--pocket", "Docs")).as("%s", err).isZero();
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/v1.0/sites/contoso.sharepoint.com%2C1%2C2/drives/b%21x/root/children");
  }
}
