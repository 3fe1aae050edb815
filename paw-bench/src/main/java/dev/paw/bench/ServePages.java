package dev.paw.bench;

import dev.paw.bench.server.ChannelPageServer;
import dev.paw.bench.server.ListRoute;
import dev.paw.bench.server.PageStore;

/**
 * Serves the invoice lists for a benchmark run from the shell ({@code
 * bench/sync-cli-benchmark.sh}): renders {@code --records N} invoices, starts two servers on
 * loopback, prints one line each, {@code fast ORIGIN} (the benchmark's server) and {@code nagle
 * ORIGIN} (Nagle's algorithm on, header and body in two writes, as Python's {@code http.server}),
 * and serves until standard input closes. The lists are at {@code ORIGIN/n/SIZE/v1/invoices} for
 * any {@code SIZE <= N}.
 */
public final class ServePages {

  private ServePages() {}

  public static void main(String[] args) throws Exception {
    int records = 1_000_000;
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].equals("--records")) {
        throw new IllegalArgumentException("usage: ServePages [--records N]");
      }
      records = Integer.parseInt(args[i + 1]);
    }
    ListRoute route = new ListRoute(PageStore.render(records));
    try (ChannelPageServer fast = new ChannelPageServer(route, 8);
        ChannelPageServer nagle = new ChannelPageServer(route, 8, true)) {
      System.out.println("fast " + fast.origin());
      System.out.println("nagle " + nagle.origin());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the caller closes standard input
      }
    }
  }
}
