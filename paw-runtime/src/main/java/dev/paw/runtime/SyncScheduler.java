package dev.paw.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs jobs by their interval, measured from the end of their last run, so a slow sync never
 * overlaps itself and a restart does not rerun what ran recently. Jobs of one scheduler run one at
 * a time (one pocket's syncs do not contend for its database).
 */
public final class SyncScheduler implements AutoCloseable {

  private final ScheduledThreadPoolExecutor executor;
  private final Clock clock;
  private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
  private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();

  public SyncScheduler(Clock clock) {
    this.clock = clock;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "paw-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    // Stopping must not wait for runs planned hours ahead: drop them instead.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setRemoveOnCancelPolicy(true);
  }

  /**
   * Schedules {@code job} every {@code interval}, first at {@code lastRun + interval} (now when it
   * never ran).
   *
   * @param job runs the sync and returns when it finished
   */
  public void schedule(String name, Duration interval, Instant lastRun, Supplier<?> job) {
    Instant now = clock.instant();
    Instant first = lastRun == null ? now : lastRun.plus(interval);
    Duration delay = first.isBefore(now) ? Duration.ZERO : Duration.between(now, first);
    plan(name, interval, delay, job);
  }

  private void plan(String name, Duration interval, Duration delay, Supplier<?> job) {
    nextRuns.put(name, clock.instant().plus(delay));
    scheduled.put(
        name,
        executor.schedule(
            () -> {
              try {
                job.get();
              } catch (RuntimeException e) {
                System.getLogger(SyncScheduler.class.getName())
                    .log(
                        System.Logger.Level.WARNING,
                        "scheduled job " + name + " failed: " + e.getMessage());
              } finally {
                if (!executor.isShutdown()) {
                  plan(name, interval, interval, job);
                }
              }
            },
            delay.toMillis(),
            TimeUnit.MILLISECONDS));
  }

  /** When a job runs next, if scheduled. */
  public Optional<Instant> nextRun(String name) {
    return Optional.ofNullable(nextRuns.get(name));
  }

  /** Stops scheduling; a job that is running finishes first (waits up to {@code grace}). */
  public void stop(Duration grace) throws InterruptedException {
    executor.shutdown();
    scheduled.values().forEach(f -> f.cancel(false));
    executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }
}
