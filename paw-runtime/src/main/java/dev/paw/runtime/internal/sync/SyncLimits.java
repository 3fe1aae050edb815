package dev.paw.runtime.internal.sync;

import dev.paw.runtime.internal.LimitSettings;
import dev.paw.runtime.internal.http.BodyLimit;

/**
 * What one sync run may fetch: the bytes of one page and the pages of one run. A run that reaches
 * the page cap stops at its last commit and says so; the next run resumes there.
 *
 * @param maxPages the most pages of one run; a connector's lower {@code max_pages} still applies
 */
public record SyncLimits(BodyLimit page, int maxPages) {

  /** 64 MiB per page, 10,000 pages per run. */
  public static final SyncLimits DEFAULTS =
      new SyncLimits(
          new BodyLimit(
              64L << 20, "the sync page", LimitSettings.how(LimitSettings.MAX_PAGE_BYTES)),
          10_000);

  public SyncLimits {
    if (maxPages < 1) {
      throw new IllegalArgumentException("a run's page cap must be positive: " + maxPages);
    }
  }
}
