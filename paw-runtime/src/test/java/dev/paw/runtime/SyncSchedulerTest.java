package dev.paw.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {

  @Test
  void aJobThatNeverRanRunsNowAndThenEveryInterval() throws Exception {
    CountDownLatch runs = new CountDownLatch(3);
    try (SyncScheduler scheduler = new SyncScheduler(Clock.systemUTC())) {
      scheduler.schedule(
          "a",
          Duration.ofMillis(20),
          null,
          () -> {
            runs.countDown();
            return null;
          });
      assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aJobThatRanRecentlyWaitsForItsInterval() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (SyncScheduler scheduler = new SyncScheduler(Clock.systemUTC())) {
      Instant justNow = Instant.now();
      scheduler.schedule("b", Duration.ofHours(1), justNow, runs::incrementAndGet);
      Thread.sleep(50);
      assertThat(runs).hasValue(0);
      assertThat(scheduler.nextRun("b"))
          .hasValueSatisfying(
              next -> assertThat(next).isAfter(justNow.plus(Duration.ofMinutes(59))));
    }
  }

  @Test
  void aFailingJobKeepsItsSchedule() throws Exception {
    CountDownLatch runs = new CountDownLatch(2);
    try (SyncScheduler scheduler = new SyncScheduler(Clock.systemUTC())) {
      scheduler.schedule(
          "c",
          Duration.ofMillis(10),
          null,
          () -> {
            runs.countDown();
            throw new IllegalStateException("server down");
          });
      assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aCancelledJobDoesNotRunAgainWhileTheOthersGoOn() throws Exception {
    AtomicInteger cancelledRuns = new AtomicInteger();
    CountDownLatch others = new CountDownLatch(5);
    try (SyncScheduler scheduler = new SyncScheduler(Clock.systemUTC())) {
      CountDownLatch ranOnce = new CountDownLatch(1);
      scheduler.schedule(
          "gone",
          Duration.ofMillis(10),
          null,
          () -> {
            cancelledRuns.incrementAndGet();
            ranOnce.countDown();
            return null;
          });
      scheduler.schedule(
          "kept",
          Duration.ofMillis(10),
          null,
          () -> {
            others.countDown();
            return null;
          });
      assertThat(ranOnce.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.cancel("gone")).isTrue();
      int atCancel = cancelledRuns.get();

      assertThat(others.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100);
      assertThat(cancelledRuns.get())
          .isLessThanOrEqualTo(atCancel + 1); // one may have been under way
      assertThat(scheduler.jobs()).containsExactly("kept");
      assertThat(scheduler.nextRun("gone")).isEmpty();
      assertThat(scheduler.cancel("gone")).isFalse();
    }
  }

  @Test
  void aJobThatThrowsAnErrorIsRetriedAndTheOthersGoOn() throws Exception {
    CountDownLatch failing = new CountDownLatch(3);
    CountDownLatch others = new CountDownLatch(3);
    try (SyncScheduler scheduler = new SyncScheduler(Clock.systemUTC())) {
      scheduler.schedule(
          "broken",
          Duration.ofMillis(10),
          null,
          () -> {
            failing.countDown();
            throw new NoClassDefFoundError("a connector's missing class");
          });
      scheduler.schedule(
          "fine",
          Duration.ofMillis(10),
          null,
          () -> {
            others.countDown();
            return null;
          });
      assertThat(failing.await(5, TimeUnit.SECONDS)).as("retried at its next time").isTrue();
      assertThat(others.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
