package dev.paw.dashboard.internal.http;

import dev.paw.dashboard.internal.data.ChangeWatcher;
import dev.paw.runtime.pocket.Pocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * A pocket's server-sent events: {@code event: change} after each commit to the pocket (by any
 * process), a comment every 15 seconds so that a closed page is noticed; ends when the page goes or
 * the server stops.
 */
final class EventStream {

  private static final long KEEPALIVE_SECONDS = 15;

  private final ChangeWatcher watcher;
  private final BooleanSupplier running;

  EventStream(ChangeWatcher watcher, BooleanSupplier running) {
    this.watcher = watcher;
    this.running = running;
  }

  void serve(Pocket pocket, Response response, Callback callback) throws Exception {
    Replies.secure(response);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    BlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();
    try (AutoCloseable subscription = watcher.subscribe(pocket, () -> changes.offer(true))) {
      send(response, "retry: 1000\n: watching " + pocket.slug() + "\n\n");
      long idle = 0;
      long sent = 0;
      while (running.getAsBoolean()) {
        Boolean change = changes.poll(1, TimeUnit.SECONDS);
        if (change != null) {
          changes.clear(); // a burst of commits is one refresh
          send(response, "event: change\ndata: " + (++sent) + "\n\n");
          idle = 0;
        } else if (++idle >= KEEPALIVE_SECONDS) {
          send(response, ": keepalive\n\n");
          idle = 0;
        }
      }
      callback.succeeded();
    } catch (Exception e) {
      callback.failed(e); // the page went away: its write failed
    }
  }

  private static void send(Response response, String text) throws Exception {
    try (Blocker.Callback written = Blocker.callback()) {
      response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
      written.block();
    }
  }
}
