package dev.paw.runtime.internal.adapter;

import static dev.paw.runtime.SyncOutcomes.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.Paw;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.credentials.Secret;
import dev.paw.runtime.internal.credentials.InMemoryCredentialStore;
import dev.paw.runtime.internal.http.OAuth2Authorization;
import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in {@code gmail} and {@code gcalendar} connectors, unchanged but for their OAuth
 * endpoints, which point at mock-oauth2-server (a real OAuth 2 server on 127.0.0.1): a person
 * authorizes with PKCE, then each sync runs against real-shaped Gmail and Calendar API answers from
 * a loopback server: page tokens, one child request per listed message, Gmail's date filter,
 * Calendar's sync tokens and their expiry.
 */
class GoogleConnectorsTest {

  private static final OkHttpClient BROWSER =
      new OkHttpClient.Builder().followRedirects(false).build();

  @StartStop final MockWebServer google = new MockWebServer();

  @TempDir Path home;

  @TempDir Path connectors;

  private MockOAuth2Server oauth;
  private Paw paw;
  private Pocket pocket;

  /** Requests as the API server received them, by path, in order. */
  private final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());

  private final AtomicReference<Function<RecordedRequest, MockResponse>> api =
      new AtomicReference<>();

  @BeforeEach
  void setUp() throws Exception {
    oauth = new MockOAuth2Server();
    oauth.start(InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1}), 0);
    Path builtIn = Path.of(System.getProperty("paw.repositoryRoot", "..")).resolve("connectors");
    for (String name : List.of("gmail.yaml", "gcalendar.yaml")) {
      Files.writeString(
          connectors.resolve(name),
          Files.readString(builtIn.resolve(name))
              .replace(
                  "https://accounts.google.com/o/oauth2/v2/auth",
                  oauth.authorizationEndpointUrl("google").toString())
              .replace(
                  "https://oauth2.googleapis.com/token",
                  oauth.tokenEndpointUrl("google").toString()));
    }
    paw =
        Paw.builder()
            .home(PawHome.at(home))
            .credentials(new InMemoryCredentialStore())
            .connectorFolders(List.of(connectors))
            .build();
    pocket = paw.pocket("Inbox");
    google.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            received.add(request);
            return api.get().apply(request);
          }
        });
  }

  @AfterEach
  void tearDown() {
    paw.close();
    oauth.shutdown();
  }

  /**
   * Connects {@code name} as {@code paw connect} does: the Google client, a person's consent, the
   * base URL.
   */
  private ConnectorProtocol authorizedConnection(String name, String basePath) throws Exception {
    ScopedCredentials credentials = paw.credentials(pocket, name);
    credentials.put("GOOGLE_CLIENT_ID", Secret.of("paw-desktop.apps.googleusercontent.com"));
    credentials.put("GOOGLE_CLIENT_SECRET", Secret.of("GOCSPX-canary-client-secret"));
    ConnectorProtocol connector = paw.connector(pocket, name);
    try (OAuth2Authorization.Pending pending =
        new OAuth2Authorization(
                connector.spec(), credentials, new OkHttpClient(), Clock.systemUTC())
            .begin()) {
      HttpUrl url = HttpUrl.get(pending.authorizationUrl());
      assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
      assertThat(url.queryParameter("access_type")).isEqualTo("offline");
      assertThat(url.queryParameter("client_id"))
          .isEqualTo("paw-desktop.apps.googleusercontent.com");
      // mock-oauth2-server speaks OpenID Connect only, so its authorization endpoint wants "openid"
      // among the scopes
      consent(
          url.newBuilder()
              .setQueryParameter("scope", url.queryParameter("scope") + " openid")
              .toString());
      pending.await(Duration.ofSeconds(10));
    }
    connector
        .connect(ConnectOptions.baseUrl(google.url(basePath).toString()).withoutCredentialCheck())
        .toCompletableFuture()
        .join();
    return connector;
  }

  /**
   * Plays the person at the browser: opens the authorization URL, signs in on the login page
   * Google's consent screen stands for ({@code prompt=consent} asks for it), and follows the
   * redirect to paw's loopback listener.
   */
  private static void consent(String authorizationUrl) throws Exception {
    Request signIn =
        new Request.Builder()
            .url(authorizationUrl)
            .post(new okhttp3.FormBody.Builder().add("username", "ana@example.com").build())
            .build();
    try (Response login =
        BROWSER.newCall(new Request.Builder().url(authorizationUrl).build()).execute()) {
      assertThat(login.body().string())
          .contains("<form method=\"post\">")
          .contains("name=\"username\"");
    }
    try (Response approval = BROWSER.newCall(signIn).execute()) {
      assertThat(approval.code()).isEqualTo(302);
      try (Response page =
          BROWSER
              .newCall(new Request.Builder().url(approval.header("Location")).build())
              .execute()) {
        assertThat(page.body().string()).contains("paw is authorized");
      }
    }
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json; charset=UTF-8")
        .body(body)
        .build();
  }

  private List<RecordedRequest> requestsTo(String pathPrefix) {
    synchronized (received) {
      return received.stream()
          .filter(r -> r.getUrl().encodedPath().startsWith(pathPrefix))
          .toList();
    }
  }

  /** A message as {@code users.messages.get} with {@code format=metadata} returns it. */
  private static String message(String id, long internalDate, String subject) {
    return """
        {
          "id": "%1$s", "threadId": "t%1$s", "labelIds": ["INBOX", "UNREAD", "CATEGORY_UPDATES"],
          "snippet": "Your invoice %1$s is ready &amp; waiting",
          "payload": {
            "partId": "", "mimeType": "multipart/alternative", "filename": "",
            "headers": [
              {"name": "Date", "value": "Sun, 24 Nov 2026 09:00:00 +0000"},
              {"name": "From", "value": "Billing <billing@example.com>"},
              {"name": "To", "value": "ana@example.com"},
              {"name": "Subject", "value": "%3$s"}
            ]
          },
          "sizeEstimate": 5123, "historyId": "98%2$d", "internalDate": "%2$d"
        }"""
        .formatted(id, internalDate, subject);
  }

  @Test
  void gmailListsIdsFetchesEachMessageThenFollowsTheHistoryApi() throws Exception {
    Map<String, String> messages =
        new ConcurrentHashMap<>(
            Map.of(
                "18c1", message("18c1", 1_795_000_000_000L, "Invoice 1"),
                "18c2", message("18c2", 1_795_000_100_000L, "Invoice 2"),
                "18c3", message("18c3", 1_795_000_200_500L, "Invoice 3")));
    AtomicReference<Function<RecordedRequest, String>> list =
        new AtomicReference<>(
            request ->
                "2".equals(request.getUrl().queryParameter("pageToken"))
                    ? "{\"messages\": [{\"id\": \"18c1\", \"threadId\": \"t18c1\"}], \"resultSizeEstimate\": 4}"
                    : "{\"messages\": [{\"id\": \"18c3\", \"threadId\": \"t18c3\"}, {\"id\": \"18c9\", \"threadId\": \"t18c9\"},"
                        + " {\"id\": \"18c2\", \"threadId\": \"t18c2\"}], \"nextPageToken\": \"2\", \"resultSizeEstimate\": 4}");
    AtomicReference<String> profile =
        new AtomicReference<>("{\"emailAddress\": \"ana@example.com\", \"historyId\": \"5000\"}");
    AtomicReference<Function<RecordedRequest, MockResponse>> history = new AtomicReference<>();
    api.set(
        request -> {
          String path = request.getUrl().encodedPath();
          if (path.equals("/gmail/v1/users/me/messages")) {
            return json(200, list.get().apply(request));
          }
          if (path.equals("/gmail/v1/users/me/profile")) {
            return json(200, profile.get());
          }
          if (path.equals("/gmail/v1/users/me/history")) {
            return history.get().apply(request);
          }
          String id = path.substring(path.lastIndexOf('/') + 1);
          String body = messages.get(id);
          // 18c9 was deleted between the listing and its fetch
          return body == null
              ? json(
                  404,
                  "{\"error\": {\"code\": 404, \"message\": \"Requested entity was not found.\","
                      + " \"status\": \"NOT_FOUND\"}}")
              : json(200, body);
        });
    ConnectorProtocol gmail = authorizedConnection("gmail", "/gmail/v1");

    SyncResult first = gmail.sync("gmail_messages").toCompletableFuture().join();

    assertThat(first.error()).isNull();
    assertThat(first.inserted()).isEqualTo(3);
    assertThat(first.pages()).isEqualTo(2);
    List<RecordedRequest> listed = requestsTo("/gmail/v1/users/me/messages");
    RecordedRequest firstPage =
        listed.stream()
            .filter(r -> r.getUrl().encodedPath().endsWith("/messages"))
            .findFirst()
            .orElseThrow();
    assertThat(firstPage.getUrl().queryParameter("maxResults")).isEqualTo("100");
    assertThat(firstPage.getUrl().queryParameter("q")).isNull();
    assertThat(firstPage.getHeaders().get("Authorization")).startsWith("Bearer ey");
    RecordedRequest fetch = requestsTo("/gmail/v1/users/me/messages/18c2").get(0);
    assertThat(fetch.getUrl().queryParameter("format")).isEqualTo("metadata");
    assertThat(fetch.getUrl().queryParameterValues("metadataHeaders"))
        .containsExactly("Subject", "From", "To", "Date");
    assertThat(fetch.getHeaders().get("Authorization")).startsWith("Bearer ey");

    var stream = gmail.spec().stream("gmail_messages").orElseThrow();
    Map<Object, Object[]> rows =
        byId(gmail.rows(stream.table(), new SpecRowMapper(gmail.spec(), stream)));
    assertThat(rows.keySet()).containsExactly("18c1", "18c2", "18c3");
    assertThat(rows.get("18c3"))
        .containsExactly(
            "18c3",
            "t18c3",
            "Your invoice 18c3 is ready &amp; waiting",
            "[\"INBOX\",\"UNREAD\",\"CATEGORY_UPDATES\"]",
            "[{\"name\":\"Date\",\"value\":\"Sun, 24 Nov 2026 09:00:00 +0000\"},"
                + "{\"name\":\"From\",\"value\":\"Billing <billing@example.com>\"},"
                + "{\"name\":\"To\",\"value\":\"ana@example.com\"},{\"name\":\"Subject\",\"value\":\"Invoice 3\"}]",
            "981795000200500",
            "1795000200500",
            5123L);

    assertThat(requestsTo("/gmail/v1/users/me/profile")).hasSize(1);

    // Since then: a new message, a relabelled one and a deleted one, as the History API lists them.
    received.clear();
    messages.put("18d1", message("18d1", 1_795_000_300_000L, "Invoice 4"));
    messages.put("18c3", message("18c3", 1_795_000_200_500L, "Invoice 3 (relabelled)"));
    messages.remove("18c1");
    history.set(
        request ->
            "5000".equals(request.getUrl().queryParameter("startHistoryId"))
                ? json(
                    200,
                    "{\"history\": ["
                        + "{\"id\": \"5001\", \"messages\": [{\"id\": \"18d1\"}], \"messagesAdded\":"
                        + " [{\"message\": {\"id\": \"18d1\", \"threadId\": \"t18d1\", \"labelIds\": [\"INBOX\"]}}]},"
                        + "{\"id\": \"5002\", \"labelsAdded\": [{\"message\": {\"id\": \"18c3\","
                        + " \"threadId\": \"t18c3\"}, \"labelIds\": [\"STARRED\"]}]},"
                        + "{\"id\": \"5003\", \"messagesDeleted\": [{\"message\": {\"id\": \"18c1\","
                        + " \"threadId\": \"t18c1\"}}]}"
                        + "], \"historyId\": \"5003\"}")
                : json(200, "{\"historyId\": \"5003\"}"));

    SyncResult second = gmail.sync("gmail_messages").toCompletableFuture().join();

    assertThat(second.error()).isNull();
    assertThat(second.inserted()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.deleted()).isEqualTo(1);
    assertThat(
            requestsTo("/gmail/v1/users/me/history")
                .get(0)
                .getUrl()
                .queryParameter("startHistoryId"))
        .isEqualTo("5000");
    assertThat(received)
        .as("no listing: only the history and the changed messages")
        .noneMatch(r -> r.getUrl().encodedPath().equals("/gmail/v1/users/me/messages"));
    rows = byId(gmail.rows(stream.table(), new SpecRowMapper(gmail.spec(), stream)));
    assertThat(rows.keySet()).containsExactly("18c2", "18c3", "18d1");
    assertThat(rows.get("18c3")[4].toString()).contains("Invoice 3 (relabelled)");

    // Nothing new: Gmail leaves "history" out; the next run starts from the history id it gave.
    received.clear();
    SyncResult third = gmail.sync("gmail_messages").toCompletableFuture().join();
    assertThat(third.error()).isNull();
    assertThat(third.records()).isZero();
    assertThat(
            requestsTo("/gmail/v1/users/me/history")
                .get(0)
                .getUrl()
                .queryParameter("startHistoryId"))
        .isEqualTo("5003");

    // Gmail no longer keeps that history id (404): the stream lists everything again and removes
    // what the mailbox no longer has.
    received.clear();
    profile.set("{\"emailAddress\": \"ana@example.com\", \"historyId\": \"7000\"}");
    messages.remove("18c3");
    history.set(
        request ->
            json(
                404,
                "{\"error\": {\"code\": 404, \"message\": \"Requested entity was not found.\"}}"));
    list.set(
        request ->
            "{\"messages\": [{\"id\": \"18d1\", \"threadId\": \"t18d1\"},"
                + " {\"id\": \"18c2\", \"threadId\": \"t18c2\"}], \"resultSizeEstimate\": 2}");

    SyncResult fourth = gmail.sync("gmail_messages").toCompletableFuture().join();

    assertThat(fourth.error()).isNull();
    assertThat(fourth.deleted()).isEqualTo(1);
    rows = byId(gmail.rows(stream.table(), new SpecRowMapper(gmail.spec(), stream)));
    assertThat(rows.keySet()).containsExactly("18c2", "18d1");
    received.clear();
    history.set(request -> json(200, "{\"historyId\": \"7000\"}"));
    assertThat(gmail.sync("gmail_messages").toCompletableFuture().join().error()).isNull();
    assertThat(
            requestsTo("/gmail/v1/users/me/history")
                .get(0)
                .getUrl()
                .queryParameter("startHistoryId"))
        .isEqualTo("7000");
  }

  @Test
  void gmailFailsAPageWhoseChildFailsAndKeepsWhatEarlierPagesStored() throws Exception {
    api.set(
        request -> {
          String path = request.getUrl().encodedPath();
          if (path.equals("/gmail/v1/users/me/messages")) {
            return json(
                200,
                "2".equals(request.getUrl().queryParameter("pageToken"))
                    ? "{\"messages\": [{\"id\": \"18c1\", \"threadId\": \"t18c1\"}], \"resultSizeEstimate\": 2}"
                    : "{\"messages\": [{\"id\": \"18c2\", \"threadId\": \"t18c2\"}], \"nextPageToken\": \"2\"}");
          }
          if (path.endsWith("/profile")) {
            return json(200, "{\"historyId\": \"5000\"}");
          }
          return path.endsWith("/18c2")
              ? json(200, message("18c2", 1_795_000_100_000L, "Invoice 2"))
              : json(403, "{\"error\": {\"code\": 403, \"message\": \"Insufficient Permission\"}}");
        });
    ConnectorProtocol gmail = authorizedConnection("gmail", "/gmail/v1");

    SyncResult result = failure(gmail.sync("gmail_messages"));

    assertThat(result.complete()).isFalse();
    assertThat(result.error())
        .contains("'get_message'")
        .contains("record #1 on page 2")
        .contains("403");
    var stream = gmail.spec().stream("gmail_messages").orElseThrow();
    assertThat(byId(gmail.rows(stream.table(), new SpecRowMapper(gmail.spec(), stream))).keySet())
        .containsExactly("18c2");
  }

  @Test
  void aRevokedGrantStopsTheSyncAtOnceAndSaysHowToAuthorizeAgain() throws Exception {
    api.set(request -> json(200, "{\"resultSizeEstimate\": 0}"));
    ConnectorProtocol gmail = authorizedConnection("gmail", "/gmail/v1");
    String refreshToken =
        paw.credentials(pocket, "gmail").get("GMAIL_REFRESH_TOKEN").orElseThrow().reveal();
    try (Response revoked =
        BROWSER
            .newCall(
                new Request.Builder()
                    .url(oauth.revocationEndpointUrl("google"))
                    .post(
                        new okhttp3.FormBody.Builder()
                            .add("token", refreshToken)
                            .add("token_type_hint", "refresh_token")
                            .build())
                    .build())
            .execute()) {
      assertThat(revoked.code()).isEqualTo(200);
    }
    drainOAuthRequests(); // the authorization's and the revocation's: only the sync's count below

    SyncResult result = failure(gmail.sync("gmail_messages"));

    assertThat(result.complete()).isFalse();
    assertThat(result.error())
        .contains("invalid_grant")
        .contains("authorize again with: paw connect gmail")
        .doesNotContain(refreshToken);
    assertThat(received).isEmpty();
    assertThat(drainOAuthRequests()).as("a refused grant is not asked again").isEqualTo(1);
  }

  /** How many requests the OAuth server received since last asked. */
  private int drainOAuthRequests() {
    int count = 0;
    while (true) {
      try {
        oauth.takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        count++;
      } catch (RuntimeException none) { // mock-oauth2-server's way of saying the queue is empty
        return count;
      }
    }
  }

  /** An event as {@code events.list} returns it. */
  private static String event(String id, String status, String summary) {
    if (status.equals("cancelled")) {
      return "{\"kind\": \"calendar#event\", \"etag\": \"\\\"3456\\\"\", \"id\": \"%s\", \"status\": \"cancelled\"}"
          .formatted(id);
    }
    return """
        {
          "kind": "calendar#event", "etag": "\\"3181161784712000\\"", "id": "%1$s", "status": "%2$s",
          "htmlLink": "https://www.google.com/calendar/event?eid=%1$s", "created": "2026-11-01T09:00:00.000Z",
          "updated": "2026-11-20T10:00:00.000Z", "summary": "%3$s", "location": "Room 4",
          "creator": {"email": "ana@example.com", "self": true},
          "organizer": {"email": "ana@example.com", "self": true},
          "start": {"dateTime": "2026-12-01T10:00:00+01:00", "timeZone": "Europe/Lisbon"},
          "end": {"dateTime": "2026-12-01T11:00:00+01:00", "timeZone": "Europe/Lisbon"},
          "iCalUID": "%1$s@google.com", "sequence": 0,
          "attendees": [{"email": "bo@example.com", "responseStatus": "accepted"}],
          "reminders": {"useDefault": true}, "eventType": "default"
        }"""
        .formatted(id, status, summary);
  }

  private static String events(String pageField, String... items) {
    return "{\"kind\": \"calendar#events\", \"summary\": \"ana@example.com\", \"timeZone\": \"Europe/Lisbon\","
        + " \"accessRole\": \"owner\", \"items\": ["
        + String.join(",", items)
        + "], "
        + pageField
        + "}";
  }

  @Test
  void calendarSyncsInFullThenWithItsSyncTokenAndStartsOverWhenTheTokenExpires() throws Exception {
    AtomicReference<Function<RecordedRequest, MockResponse>> events =
        new AtomicReference<>(
            request ->
                "page-2".equals(request.getUrl().queryParameter("pageToken"))
                    ? json(
                        200,
                        events("\"nextSyncToken\": \"sync-1\"", event("e3", "confirmed", "Review")))
                    : json(
                        200,
                        events(
                            "\"nextPageToken\": \"page-2\"",
                            event("e1", "confirmed", "Standup"),
                            event("e2", "tentative", "Lunch"))));
    api.set(request -> events.get().apply(request));
    ConnectorProtocol calendar = authorizedConnection("gcalendar", "/calendar/v3");
    var stream = calendar.spec().stream("calendar_events").orElseThrow();

    SyncResult first = calendar.sync("calendar_events").toCompletableFuture().join();

    assertThat(first.error()).isNull();
    assertThat(first.inserted()).isEqualTo(3);
    RecordedRequest full = received.get(0);
    assertThat(full.getUrl().encodedPath()).isEqualTo("/calendar/v3/calendars/primary/events");
    assertThat(full.getUrl().queryParameter("showDeleted")).isEqualTo("true");
    assertThat(full.getUrl().queryParameter("singleEvents")).isEqualTo("true");
    assertThat(full.getUrl().queryParameter("syncToken")).isNull();
    assertThat(full.getHeaders().get("Authorization")).startsWith("Bearer ey");
    assertThat(received.get(1).getUrl().queryParameter("pageToken")).isEqualTo("page-2");
    Map<Object, Object[]> rows =
        byId(calendar.rows(stream.table(), new SpecRowMapper(calendar.spec(), stream)));
    assertThat(rows.get("e1"))
        .containsExactly(
            "e1",
            "confirmed",
            "Standup",
            null,
            "Room 4",
            "2026-12-01T10:00:00+01:00",
            null,
            "2026-12-01T11:00:00+01:00",
            null,
            "ana@example.com",
            "[{\"email\":\"bo@example.com\",\"responseStatus\":\"accepted\"}]",
            null,
            "https://www.google.com/calendar/event?eid=e1",
            "2026-11-20T10:00:00.000Z");

    // With the token, Google sends only what changed: e2 was cancelled, e4 is new.
    received.clear();
    events.set(
        request ->
            json(
                200,
                events(
                    "\"nextSyncToken\": \"sync-2\"",
                    event("e2", "cancelled", ""),
                    event("e4", "confirmed", "Retro"))));

    SyncResult second = calendar.sync("calendar_events").toCompletableFuture().join();

    assertThat(second.error()).isNull();
    assertThat(received.get(0).getUrl().queryParameter("syncToken")).isEqualTo("sync-1");
    assertThat(second.inserted()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.deleted()).as("the cancelled event leaves the table").isEqualTo(1);
    rows = byId(calendar.rows(stream.table(), new SpecRowMapper(calendar.spec(), stream)));
    assertThat(rows.keySet()).containsExactly("e1", "e3", "e4");

    // The token has expired (410 Gone): a full listing replaces the table's contents, and gives a
    // new token.
    received.clear();
    events.set(
        request ->
            request.getUrl().queryParameter("syncToken") != null
                ? json(
                    410,
                    "{\"error\": {\"errors\": [{\"domain\": \"global\", \"reason\": \"fullSyncRequired\","
                        + " \"message\": \"Sync token is no longer valid, a full sync is required.\"}], \"code\": 410,"
                        + " \"message\": \"Sync token is no longer valid, a full sync is required.\"}}")
                : json(
                    200,
                    events(
                        "\"nextSyncToken\": \"sync-3\"",
                        event("e1", "confirmed", "Standup (moved)"),
                        event("e4", "confirmed", "Retro"))));

    SyncResult third = calendar.sync("calendar_events").toCompletableFuture().join();

    assertThat(third.error()).isNull();
    assertThat(received).hasSize(2);
    assertThat(received.get(0).getUrl().queryParameter("syncToken")).isEqualTo("sync-2");
    assertThat(received.get(1).getUrl().queryParameter("syncToken")).isNull();
    assertThat(third.deleted()).isEqualTo(1);
    rows = byId(calendar.rows(stream.table(), new SpecRowMapper(calendar.spec(), stream)));
    assertThat(rows.keySet()).containsExactly("e1", "e4");
    assertThat(rows.get("e1")[2]).isEqualTo("Standup (moved)");

    received.clear();
    events.set(request -> json(200, events("\"nextSyncToken\": \"sync-4\"")));
    assertThat(calendar.sync("calendar_events").toCompletableFuture().join().error()).isNull();
    assertThat(received.get(0).getUrl().queryParameter("syncToken")).isEqualTo("sync-3");
  }

  private static Map<Object, Object[]> byId(List<Object[]> rows) {
    Map<Object, Object[]> byId = new TreeMap<>();
    rows.forEach(row -> byId.put(row[0], row));
    return byId;
  }
}
