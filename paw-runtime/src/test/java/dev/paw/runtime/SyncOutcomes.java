package dev.paw.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** What a sync did, for tests that look at failed runs: a failed run is thrown, not returned. */
public final class SyncOutcomes {

  private SyncOutcomes() {}

  /** The run's result, whether it succeeded or failed (then the one its exception carries). */
  public static SyncResult resultOf(CompletionStage<SyncResult> sync) {
    try {
      return sync.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SyncFailedException failed) {
        assertThat(failed.result().error()).isEqualTo(failed.getMessage());
        return failed.result();
      }
      throw e;
    }
  }

  /** The result of a run that must fail: the one its {@link SyncFailedException} carries. */
  public static SyncResult failure(CompletionStage<SyncResult> sync) {
    Throwable error = catchThrowable(() -> sync.toCompletableFuture().join());
    assertThat(error)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(SyncFailedException.class);
    SyncFailedException failed = (SyncFailedException) error.getCause();
    assertThat(failed.result().error()).isEqualTo(failed.getMessage());
    assertThat(failed.result().complete()).isFalse();
    return failed.result();
  }
}
