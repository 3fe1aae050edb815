package dev.paw.bench;

import dev.paw.bench.server.ChannelPageServer;
import dev.paw.bench.server.ListRoute;
import dev.paw.bench.server.PageStore;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a kept-alive connection costs against a server that writes the header and the body apart
 * with Nagle's algorithm on (as Python's {@code http.server} does): OkHttp, as paw uses it, asks
 * for the same list page {@code --requests N} times on one connection, for pages of 1, 10 and 100
 * invoices, from that server and from the benchmark's server (one gathering write, {@code
 * TCP_NODELAY}), and prints the median and the 90th percentile milliseconds a request. {@code java
 * -cp paw-bench.jar dev.paw.bench.KeepAliveProbe [--requests N]}.
 */
public final class KeepAliveProbe {

  private KeepAliveProbe() {}

  public static void main(String[] args) throws Exception {
    int requests =
        args.length == 2 && args[0].equals("--requests") ? Integer.parseInt(args[1]) : 200;
    ListRoute route = new ListRoute(PageStore.render(1_000));
    OkHttpClient client = new OkHttpClient();
    try (ChannelPageServer fast = new ChannelPageServer(route, 2);
        ChannelPageServer nagle = new ChannelPageServer(route, 2, true)) {
      System.out.printf("%-48s %6s %10s %10s%n", "server", "limit", "median ms", "p90 ms");
      for (int limit : List.of(1, 10, 100)) {
        for (ChannelPageServer server : List.of(fast, nagle)) {
          String url = ListRoute.apiBase(server.origin(), 1_000) + "/invoices?limit=" + limit;
          double[] millis = new double[requests];
          for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            try (Response response =
                client.newCall(new Request.Builder().url(url).build()).execute()) {
              response.body().bytes();
            }
            millis[i] = (System.nanoTime() - started) / 1e6;
          }
          Arrays.sort(millis);
          System.out.printf(
              "%-48s %6d %10.2f %10.2f%n",
              server.name(), limit, millis[requests / 2], millis[requests * 9 / 10]);
        }
      }
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
