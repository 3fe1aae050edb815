package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.SyncResult;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each pagination style against a server that pages the way real APIs do. */
class PaginationStylesTest {

  @StartStop final MockWebServer server = new MockWebServer();

  @TempDir Path dir;

  private SyncFixture fixture(String pagination, String records) throws Exception {
    return new SyncFixture(
        """
        name: paged
        auth: { method: none }
        actions:
          - name: list_items
            url: %s
            trust_level: auto
            %s
            pagination: %s
        sync:
          table: items
          mapping: { id: { from: id, type: integer }, name: name }
        """
            .formatted(
                server.url("/items"), records == null ? "" : "records: " + records, pagination),
        dir.resolve("pocket.db"));
  }

  private void enqueue(String body, String... headers) {
    MockResponse.Builder response = new MockResponse.Builder().body(body);
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    server.enqueue(response.build());
  }

  private static String items(int from, int to) {
    StringBuilder out = new StringBuilder("[");
    for (int i = from; i <= to; i++) {
      out.append(i > from ? "," : "")
          .append("{\"id\":")
          .append(i)
          .append(",\"name\":\"item ")
          .append(i)
          .append("\"}");
    }
    return out.append(']').toString();
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> requests = new java.util.ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      requests.add(server.takeRequest());
    }
    return requests;
  }

  @Test
  void nextPageTokenInTheBody() throws Exception {
    try (SyncFixture f =
        fixture("{ style: token, param: pageToken, path: nextPageToken }", "items")) {
      enqueue("{\"items\":" + items(1, 2) + ",\"nextPageToken\":\"t2\"}");
      enqueue("{\"items\":" + items(3, 4) + ",\"nextPageToken\":\"\"}");
      SyncResult result = f.sync("items");
      assertThat(result.error()).isNull();
      assertThat(f.count("items")).isEqualTo(4);
      List<RecordedRequest> requests = requests();
      assertThat(requests.get(0).getUrl().queryParameter("pageToken")).isNull();
      assertThat(requests.get(1).getUrl().queryParameter("pageToken")).isEqualTo("t2");
    }
  }

  @Test
  void nestedTokenPath() throws Exception {
    try (SyncFixture f =
        fixture(
            "{ style: token, param: cursor, path: response_metadata.next_cursor }", "messages")) {
      enqueue(
          "{\"ok\":true,\"messages\":"
              + items(1, 1)
              + ",\"response_metadata\":{\"next_cursor\":\"c2\"}}");
      enqueue(
          "{\"ok\":true,\"messages\":"
              + items(2, 2)
              + ",\"response_metadata\":{\"next_cursor\":\"\"}}");
      assertThat(f.sync("items").error()).isNull();
      assertThat(f.count("items")).isEqualTo(2);
      assertThat(requests().get(1).getUrl().queryParameter("cursor")).isEqualTo("c2");
    }
  }

  @Test
  void linkHeaderAsGitHubSendsIt() throws Exception {
    try (SyncFixture f = fixture("link_header", null)) {
      String next = server.url("/items?page=2&per_page=2").toString();
      enqueue(items(1, 2), "Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"");
      enqueue(items(3, 3), "Link", "<" + server.url("/items?page=1") + ">; rel=\"first\"");
      assertThat(f.sync("items").error()).isNull();
      assertThat(f.count("items")).isEqualTo(3);
      assertThat(requests().get(1).getTarget()).isEqualTo("/items?page=2&per_page=2");
    }
  }

  @Test
  void pageNumbersUntilAShortPage() throws Exception {
    try (SyncFixture f =
        fixture("{ style: page, param: page, start: 1, size_param: per_page, size: 2 }", null)) {
      enqueue(items(1, 2));
      enqueue(items(3, 4));
      enqueue(items(5, 5));
      assertThat(f.sync("items").error()).isNull();
      assertThat(f.count("items")).isEqualTo(5);
      assertThat(requests())
          .extracting(r -> r.getUrl().queryParameter("page"))
          .containsExactly("1", "2", "3");
    }
  }

  @Test
  void offsetsUntilAnEmptyPage() throws Exception {
    try (SyncFixture f =
        fixture("{ style: offset, param: offset, size_param: limit, size: 2 }", "results")) {
      enqueue("{\"results\":" + items(1, 2) + "}");
      enqueue("{\"results\":" + items(3, 4) + "}");
      enqueue("{\"results\":[]}");
      assertThat(f.sync("items").error()).isNull();
      assertThat(f.count("items")).isEqualTo(4);
      assertThat(requests())
          .extracting(r -> r.getUrl().queryParameter("offset"))
          .containsExactly("0", "2", "4");
    }
  }

  @Test
  void nextUrlInTheBodyMayBeRelative() throws Exception {
    try (SyncFixture f = fixture("{ style: next_url, path: links.next }", "data")) {
      enqueue("{\"data\":" + items(1, 2) + ",\"links\":{\"next\":\"/items?after=2\"}}");
      enqueue("{\"data\":" + items(3, 3) + ",\"links\":{\"next\":null}}");
      assertThat(f.sync("items").error()).isNull();
      assertThat(f.count("items")).isEqualTo(3);
      assertThat(requests().get(1).getTarget()).isEqualTo("/items?after=2");
    }
  }

  @Test
  void aNextUrlOnAnotherHostIsRefused() throws Exception {
    try (SyncFixture f = fixture("{ style: next_url, path: next }", "data")) {
      enqueue("{\"data\":" + items(1, 2) + ",\"next\":\"https://collector.example/steal?page=2\"}");
      SyncResult result = f.sync("items");
      assertThat(result.error()).contains("refusing to send the connector's credentials there");
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(f.count("items")).isEqualTo(2);
    }
  }

  @Test
  void aTokenThatRepeatsStopsTheRunInsteadOfLooping() throws Exception {
    try (SyncFixture f = fixture("{ style: token, param: t, path: next }", "data")) {
      enqueue("{\"data\":" + items(1, 1) + ",\"next\":\"same\"}");
      enqueue("{\"data\":" + items(2, 2) + ",\"next\":\"same\"}");
      SyncResult result = f.sync("items");
      assertThat(result.error()).contains("same next-page position twice");
      assertThat(f.count("items")).isEqualTo(1);
    }
  }

  @Test
  void aTopLevelArrayNeedsNoRecordsPath() throws Exception {
    try (SyncFixture f = fixture("none", null)) {
      enqueue(items(1, 3));
      assertThat(f.sync("items").error()).isNull();
      assertThat(f.count("items")).isEqualTo(3);
    }
  }

  @Test
  void aPageCapEndsTheRunEarlyAndTheNextRunContinues() throws Exception {
    try (SyncFixture f =
        fixture("{ style: page, param: page, size_param: n, size: 1, max_pages: 2 }", null)) {
      enqueue(items(1, 1));
      enqueue(items(2, 2));
      SyncResult first = f.sync("items");
      assertThat(first.complete()).isFalse();
      assertThat(first.error()).isNull();
      enqueue(items(3, 3));
      enqueue("[]");
      SyncResult second = f.sync("items");
      assertThat(second.complete()).isTrue();
      assertThat(f.count("items")).isEqualTo(3);
      assertThat(requests())
          .extracting(r -> r.getUrl().queryParameter("page"))
          .containsExactly("1", "2", "3", "4");
    }
  }

  @Test
  void aRunThatStopsLeavesNoRequestBehindIt() throws Exception {
    try (SyncFixture f = fixture("{ style: page, param: page, size_param: n, size: 1 }", null)) {
      for (int i = 0; i < 8; i++) {
        enqueue(items(1, 1)); // the same page again and again: the run stops at page 2
      }

      SyncResult result = f.sync("items");
      int requestsWhenItStopped = server.getRequestCount();
      Thread.sleep(300);

      assertThat(result.error()).contains("page 2");
      assertThat(server.getRequestCount())
          .isEqualTo(requestsWhenItStopped)
          .isLessThanOrEqualTo(2 + Lookahead.WAITING + 1);
    }
  }
}
