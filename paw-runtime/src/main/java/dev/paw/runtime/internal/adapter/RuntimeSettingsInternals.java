package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.internal.LimitSettings;
import dev.paw.runtime.internal.http.BodyLimit;
import dev.paw.runtime.internal.http.ResponseLimitInterceptor;
import dev.paw.runtime.internal.http.RetryPolicy;
import dev.paw.runtime.internal.sync.SyncLimits;

/** The machinery {@link RuntimeSettings} and {@link RuntimeLimits} configure. */
final class RuntimeSettingsInternals {

  private RuntimeSettingsInternals() {}

  static RetryPolicy retry(RuntimeSettings settings) {
    RuntimeSettings.Retry retry = settings.retry();
    return new RetryPolicy(
        retry.maxAttempts(), retry.baseDelay(), retry.maxDelay(), retry.maxRetryAfter());
  }

  /** The limit on one action answer. */
  static BodyLimit actionBody(RuntimeLimits limits) {
    return new BodyLimit(
        limits.maxActionBytes(),
        "the action answer",
        LimitSettings.how(LimitSettings.MAX_ACTION_BYTES));
  }

  /** The limit on one sync page. */
  static BodyLimit pageBody(RuntimeLimits limits) {
    return new BodyLimit(
        limits.maxPageBytes(), "the sync page", LimitSettings.how(LimitSettings.MAX_PAGE_BYTES));
  }

  /** The limits of a sync run. */
  static SyncLimits sync(RuntimeLimits limits) {
    return new SyncLimits(pageBody(limits), limits.maxPages());
  }

  /**
   * Enforces the body limits (the action limit unless a request is tagged otherwise) and the
   * transfer rate.
   */
  static ResponseLimitInterceptor interceptor(RuntimeLimits limits) {
    return new ResponseLimitInterceptor(
        actionBody(limits),
        limits.minTransferBytes(),
        limits.transferWindow(),
        LimitSettings.how(
            LimitSettings.MIN_TRANSFER_BYTES + " or " + LimitSettings.TRANSFER_WINDOW));
  }
}
