package dev.paw.runtime.internal.sync;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Notices a server that answers every page with the same records: a page whose size and first and
 * last records (by primary key, or by all their values for a stream without one) match the page
 * before it. Page-number and offset pagination move on by themselves, so without this check such a
 * server is asked for pages forever; cursor and token pagination already stop when the next
 * position repeats ({@link Pager#next}).
 */
final class RepeatedPageCheck<R> {

  private final Function<R, Object> identity;
  private Fingerprint previous;

  /**
   * @param identity what makes a record itself: its key, or its values
   */
  RepeatedPageCheck(Function<R, Object> identity) {
    this.identity = identity;
  }

  /**
   * Remembers {@code rows}, the run's page {@code pageNumber}; fails when they repeat the page
   * before.
   */
  void check(List<R> rows, int pageNumber) throws SyncException {
    if (rows.isEmpty()) {
      previous = null;
      return;
    }
    Fingerprint current =
        new Fingerprint(
            rows.size(), identity.apply(rows.get(0)), identity.apply(rows.get(rows.size() - 1)));
    if (current.equals(previous)) {
      throw new SyncException(
          "page "
              + pageNumber
              + " holds the same records as page "
              + (pageNumber - 1)
              + " ("
              + current.size()
              + " records from "
              + Objects.toString(current.first())
              + " to "
              + Objects.toString(current.last())
              + "); the server repeats its pages, stopping instead of looping");
    }
    previous = current;
  }

  private record Fingerprint(int size, Object first, Object last) {}
}
