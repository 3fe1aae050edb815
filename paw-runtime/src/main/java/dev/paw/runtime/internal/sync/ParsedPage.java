package dev.paw.runtime.internal.sync;

import java.util.List;
import java.util.Map;

/**
 * One page as read from the wire: its rows (in page order), each row's incremental cursor value,
 * the paging cursor of its last record, and the page-level fields paging and sync tokens need
 * ({@code has_more}, a next token or URL, {@code nextSyncToken}).
 *
 * @param recordsFound false when the page had no records field at all (Gmail leaves {@code
 *     messages} out of an empty last page)
 */
record ParsedPage<R>(
    List<R> rows,
    List<Object> cursors,
    Object lastPageCursor,
    Map<String, Object> fields,
    boolean recordsFound) {

  int size() {
    return rows.size();
  }
}
