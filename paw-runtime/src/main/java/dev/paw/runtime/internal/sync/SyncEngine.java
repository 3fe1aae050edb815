package dev.paw.runtime.internal.sync;

import dev.paw.runtime.RuntimeSettings.Sleeper;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.SyncResult;
import java.time.Clock;

/**
 * Runs syncs: pages through a stream's source action, maps each page as it streams in, and commits
 * each page's rows together with the checkpoint that records them. A run cut off anywhere (fault,
 * crash, page cap) resumes from the last commit; rerunning converges to exactly the source data.
 */
public final class SyncEngine {

  /** How often a page is tried when the transport fails or the body arrives cut short. */
  static final int PAGE_ATTEMPTS = 5;

  private final SyncListener listener;
  private final Clock clock;
  private final Sleeper sleeper;
  private final SyncLimits limits;

  /**
   * @param sleeper waits between attempts at a page; tests pass one that does not sleep
   * @param limits the bytes of a page and the pages of a run
   */
  public SyncEngine(SyncListener listener, Clock clock, Sleeper sleeper, SyncLimits limits) {
    this.listener = listener;
    this.clock = clock;
    this.sleeper = sleeper;
    this.limits = limits;
  }

  /** An engine with the default {@link SyncLimits}. */
  public SyncEngine(SyncListener listener, Clock clock, Sleeper sleeper) {
    this(listener, clock, sleeper, SyncLimits.DEFAULTS);
  }

  public SyncEngine(SyncListener listener) {
    this(listener, Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /** Runs (or resumes) one table's sync. Failures are reported in the result, not thrown. */
  public <R> SyncResult run(SyncJob<R> job) {
    return run(job, RunOptions.DEFAULTS);
  }

  /** Runs one table's sync as {@code options} say: in full, or from a forgotten position. */
  public <R> SyncResult run(SyncJob<R> job, RunOptions options) {
    return new SyncRun<>(job, listener, clock, sleeper, limits, options).run();
  }
}
