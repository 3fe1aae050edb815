package dev.paw.bench.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.sqlite.SQLiteConfig;

/**
 * The hand-tuned reference: what a careful engineer writes for exactly this job and nothing else.
 * OkHttp, Jackson's streaming parser, one prepared INSERT per row, one transaction per page, the
 * same eleven columns and the same SQLite settings as a pocket (WAL, synchronous=NORMAL, no
 * generated keys). No checkpoint, no retries, no types checked, no listener.
 */
final class HandTunedSync {

  private static final String DDL =
      "CREATE TABLE stripe_invoices (id TEXT NOT NULL PRIMARY KEY, customer TEXT,"
          + " number TEXT, status TEXT, currency TEXT, amount_due INTEGER, amount_paid INTEGER, amount_remaining INTEGER,"
          + " due_date INTEGER, created INTEGER, hosted_invoice_url TEXT)";
  private static final String INSERT =
      "INSERT INTO stripe_invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private HandTunedSync() {}

  static Outcome run(String apiBase, Path database) throws IOException, SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setGetGeneratedKeys(
        false); // else the driver runs SELECT last_insert_rowid() after every INSERT
    OkHttpClient client = new OkHttpClient();
    JsonFactory json = new JsonFactory();
    HttpUrl list = HttpUrl.get(apiBase + "/invoices");
    try (Connection db =
        DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties())) {
      try (Statement statement = db.createStatement()) {
        statement.execute(DDL);
      }
      db.setAutoCommit(false);
      long started = System.nanoTime();
      long records = 0;
      try (PreparedStatement insert = db.prepareStatement(INSERT)) {
        String after = null;
        boolean more = true;
        while (more) {
          HttpUrl.Builder url = list.newBuilder().addQueryParameter("limit", "100");
          if (after != null) {
            url.addQueryParameter("starting_after", after);
          }
          Page page = new Page();
          try (Response response =
                  client.newCall(new Request.Builder().url(url.build()).build()).execute();
              InputStream body = response.body().byteStream();
              JsonParser parser = json.createParser(body)) {
            page.read(parser, insert);
          }
          db.commit();
          records += page.count;
          after = page.lastId;
          more = page.hasMore;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Outcome(records, Scenarios.count(db, "stripe_invoices"), seconds, "");
    }
  }

  /** One page: inserts each record as it is parsed. */
  private static final class Page {
    long count;
    String lastId;
    boolean hasMore;

    void read(JsonParser p, PreparedStatement insert) throws IOException, SQLException {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("data")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            record(p, insert);
          }
        } else if (name.equals("has_more")) {
          hasMore = p.getBooleanValue();
        } else {
          p.skipChildren();
        }
      }
    }

    private void record(JsonParser p, PreparedStatement insert) throws IOException, SQLException {
      for (int i = 1; i <= 11; i++) {
        insert.setNull(i, Types.NULL);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int column =
            switch (name) {
              case "id" -> 1;
              case "customer" -> 2;
              case "number" -> 3;
              case "status" -> 4;
              case "currency" -> 5;
              case "amount_due" -> 6;
              case "amount_paid" -> 7;
              case "amount_remaining" -> 8;
              case "due_date" -> 9;
              case "created" -> 10;
              case "hosted_invoice_url" -> 11;
              default -> 0;
            };
        if (column == 0) {
          p.skipChildren();
        } else if (value == JsonToken.VALUE_NUMBER_INT) {
          insert.setLong(column, p.getLongValue());
        } else if (value == JsonToken.VALUE_STRING) {
          String text = p.getText();
          insert.setString(column, text);
          if (column == 1) {
            lastId = text;
          }
        }
      }
      insert.executeUpdate();
      count++;
    }
  }
}
