package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.StreamSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A connector written in YAML against a local server, a real SQLite file, and a sync engine that
 * does not sleep: the parts of a sync test. Requests are built plainly (defaults and query
 * parameters), as auth is not under test here.
 */
final class SyncFixture implements AutoCloseable {

  final ConnectorSpec spec;
  final Connection db;
  final List<dev.paw.runtime.SyncListener.TableChange> changes = new ArrayList<>();
  final List<Long> sleeps = new ArrayList<>();

  /** Runs on the sync's thread after each commit, before the run goes on. */
  java.util.function.Consumer<dev.paw.runtime.SyncListener.TableChange> afterCommit = change -> {};

  private final OkHttpClient client = new OkHttpClient();

  SyncFixture(String yaml, Path dbFile) throws SQLException {
    ConnectorLoader.Result result = ConnectorLoader.load(yaml, "test.yaml");
    assertThat(result.errors()).isEmpty();
    spec = result.spec();
    db = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
    }
  }

  SyncResult sync(String table) {
    StreamSpec stream = spec.stream(table).orElseThrow();
    SyncEngine engine =
        new SyncEngine(
            change -> {
              changes.add(change);
              afterCommit.accept(change);
            },
            java.time.Clock.systemUTC(),
            d -> sleeps.add(d.toMillis()));
    return engine.run(
        new SyncJob<>(
            "test",
            spec,
            stream,
            new SpecRowMapper(spec, stream),
            db,
            client,
            SyncFixture::request));
  }

  static Request request(dev.paw.spec.ActionSpec action, Map<String, Object> params) {
    HttpUrl.Builder url = HttpUrl.get(action.url()).newBuilder();
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec p : action.params()) {
      if (p.defaultValue() != null) {
        values.put(p.name(), p.defaultValue());
      }
    }
    values.putAll(params);
    values.forEach((k, v) -> url.addQueryParameter(k, String.valueOf(v)));
    return new Request.Builder().url(url.build()).build();
  }

  List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  long count(String table) throws SQLException {
    return ((Number) rows("SELECT count(*) FROM " + table).get(0).get(0)).longValue();
  }

  SyncState state(String table) throws SQLException {
    return new SyncStateStore(db).load(spec.name(), table);
  }

  /** A Stripe-shaped list page of customers {@code from..to} (inclusive), newest id last. */
  static String customers(int from, int to, boolean hasMore) {
    StringBuilder data = new StringBuilder();
    for (int i = from; i <= to; i++) {
      if (data.length() > 0) {
        data.append(',');
      }
      data.append(customer(i, "user" + i + "@example.com", 1_700_000_000L + i));
    }
    return "{\"object\":\"list\",\"data\":["
        + data
        + "],\"has_more\":"
        + hasMore
        + ",\"url\":\"/v1/customers\"}";
  }

  static String customer(int i, String email, long created) {
    return "{\"id\":\"cus_"
        + i
        + "\",\"object\":\"customer\",\"email\":\""
        + email
        + "\",\"created\":"
        + created
        + ",\"balance\":"
        + i
        + ",\"metadata\":{\"seq\":\""
        + i
        + "\"}}";
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }

  static SyncListener ignore() {
    return SyncListener.NONE;
  }
}
