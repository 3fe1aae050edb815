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
}
