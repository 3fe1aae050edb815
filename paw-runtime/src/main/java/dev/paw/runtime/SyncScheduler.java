package dev.paw.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs jobs by their interval, measured from the end of their last run, so a slow sync never
 * overlaps itself and a restart does not rerun what ran recently. Jobs of one scheduler run one at
 * a time (one pocket's syncs do not contend for its database). A job that fails, whatever it
 * throws, is logged and runs again at its next time; the others go on. Jobs may be added and
 * {@linkplain #cancel cancelled} while the scheduler runs.
 */
public final class SyncScheduler implements AutoCloseable {

  private final ScheduledThreadPoolExecutor executor;
  private final Clock clock;
  private final Map<String, Planned> scheduled = new ConcurrentHashMap<>();
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
    cancel(name); // a job scheduled again replaces the one of that name
    plan(name, interval, delay, job);
  }

  /** One job's schedule; a later one of the same name (after a cancel) is a different object. */
  private static final class Planned {
    volatile ScheduledFuture<?> next;
  }

  private void plan(String name, Duration interval, Duration delay, Supplier<?> job) {
    Planned planned = new Planned();
    scheduled.put(name, planned);
    plan(name, planned, interval, delay, job);
  }

  private void plan(
      String name, Planned planned, Duration interval, Duration delay, Supplier<?> job) {
    nextRuns.put(name, clock.instant().plus(delay));
    planned.next =
        executor.schedule(
            () -> {
              try {
                job.get();
              } catch (RuntimeException | LinkageError | StackOverflowError e) {
                System.getLogger(SyncScheduler.class.getName())
                    .log(
                        System.Logger.Level.WARNING,
                        "scheduled job " + name + " failed: " + e.getMessage());
              } finally {
                // Not after a stop, nor when the job was cancelled (or replaced) meanwhile.
                if (!executor.isShutdown() && scheduled.get(name) == planned) {
                  plan(name, planned, interval, interval, job);
                }
              }
            },
            delay.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /**
   * Stops scheduling {@code name}; a run under way finishes, and it does not run again. False when
   * no such job was scheduled.
   */
  public boolean cancel(String name) {
    Planned planned = scheduled.remove(name);
    nextRuns.remove(name);
    if (planned == null) {
      return false;
    }
    ScheduledFuture<?> next = planned.next;
    if (next != null) {
      next.cancel(false);
    }
    return true;
  }

  /** The names of the jobs scheduled now. */
  public Set<String> jobs() {
    return Set.copyOf(scheduled.keySet());
  }

  /** When a job runs next, if scheduled. */
  public Optional<Instant> nextRun(String name) {
    return Optional.ofNullable(nextRuns.get(name));
  }

  /** Stops scheduling; a job that is running finishes first (waits up to {@code grace}). */
  public void stop(Duration grace) throws InterruptedException {
    executor.shutdown();
    for (Planned planned : scheduled.values()) {
      ScheduledFuture<?> next = planned.next;
      if (next != null) {
        next.cancel(false);
      }
    }
    executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }
}
