package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fetching ahead of a run: in order, bounded, and never outliving the run. */
class LookaheadTest {

  private static final int TIMEOUT_SECONDS = 10;

  /** Page {@code n} of a list of {@code last} pages; its next position is page n + 1. */
  private static FetchedPage<Integer> page(int n, int last) {
    ParsedPage<Integer> parsed = new ParsedPage<>(List.of(n), List.of(), null, Map.of(), true);
    return new FetchedPage<>(
        parsed,
        n < last
            ? Optional.of(PagePosition.param("page", String.valueOf(n + 1)))
            : Optional.empty());
  }

  private static int number(PagePosition position) {
    return position.value() == null ? 1 : Integer.parseInt(position.value());
  }

  @Test
  void pagesArriveInOrderAndTheFailureOfOneAfterThem() throws IOException {
    try (Lookahead<Integer> lookahead = new Lookahead<>()) {
      lookahead.start(
          (position, number) -> {
            if (number(position) == 3) {
              throw new SyncException("page 3 is broken");
            }
            return page(number(position), 5);
          },
          PagePosition.FIRST,
          1,
          10);

      assertThat(lookahead.take().parsed().rows()).containsExactly(1);
      assertThat(lookahead.take().parsed().rows()).containsExactly(2);
      assertThatThrownBy(lookahead::take).hasMessage("page 3 is broken");
    }
  }

  @Test
  void noPageIsFetchedPastTheNumberAllowed() throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    try (Lookahead<Integer> lookahead = new Lookahead<>()) {
      lookahead.start(
          (position, number) -> {
            fetched.incrementAndGet();
            return page(number(position), 100);
          },
          PagePosition.FIRST,
          1,
          2);

      assertThat(lookahead.take().parsed().rows()).containsExactly(1);
      assertThat(lookahead.take().parsed().rows()).containsExactly(2);
      Thread.sleep(200);
    }
    assertThat(fetched).hasValue(2);
  }

  @Test
  void closingWaitsForThePageInFlight() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    Lookahead<Integer> lookahead = new Lookahead<>();
    lookahead.start(
        (position, number) -> {
          inFlight.countDown();
          await(answer);
          return page(1, 100);
        },
        PagePosition.FIRST,
        1,
        100);
    assertThat(inFlight.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closed = CompletableFuture.runAsync(lookahead::close);
    Thread.sleep(200);
    assertThat(closed).isNotDone();

    answer.countDown();
    closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void aRunInterruptedWhileItWaitsStopsItsFetchingToo() throws Exception {
    CountDownLatch fetchEnded = new CountDownLatch(1);
    Lookahead<Integer> lookahead = new Lookahead<>();
    lookahead.start(
        (position, number) -> {
          try {
            Thread.sleep(Duration.ofSeconds(60).toMillis()); // a request that does not end
            return page(1, 100);
          } catch (InterruptedException e) {
            fetchEnded.countDown();
            throw new java.io.InterruptedIOException("interrupted");
          }
        },
        PagePosition.FIRST,
        1,
        100);

    Thread run =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              try (lookahead) {
                lookahead.take();
              } catch (IOException expected) {
                // interrupted while waiting for the page
              }
            });
    run.start();

    run.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    assertThat(run.isAlive()).isFalse();
    assertThat(fetchEnded.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
