package dev.paw.bench.scenario;

import dev.paw.bench.server.InvoiceCorpus;
import dev.paw.bench.server.PageStore;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The page server's own throughput: OkHttp walks the list and reads every body into a reused buffer
 * and drops it. It needs no parsing to page, since the corpus says which id ends each page.
 */
final class RawClient {

  private RawClient() {}

  static Outcome run(String apiBase, int records) throws IOException {
    OkHttpClient client = new OkHttpClient();
    InvoiceCorpus ids = new InvoiceCorpus(records);
    HttpUrl list = HttpUrl.get(apiBase + "/invoices");
    byte[] sink = new byte[64 * 1024];
    long started = System.nanoTime();
    long bytes = 0;
    int pages = 0;
    for (int start = 0; start < records; start += PageStore.BLOCK) {
      HttpUrl.Builder url =
          list.newBuilder().addQueryParameter("limit", String.valueOf(PageStore.BLOCK));
      if (start > 0) {
        url.addQueryParameter("starting_after", ids.id(start - 1));
      }
      try (Response response =
              client.newCall(new Request.Builder().url(url.build()).build()).execute();
          InputStream body = response.body().byteStream()) {
        for (int n; (n = body.read(sink)) >= 0; ) {
          bytes += n;
        }
      }
      pages++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Outcome(records, 0, seconds, pages + " pages, " + bytes + " bytes");
  }
}
