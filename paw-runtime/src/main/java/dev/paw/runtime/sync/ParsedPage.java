package dev.paw.runtime.sync;

import java.util.List;
import java.util.Map;

/**
 * One page as read from the wire: its rows (in page order), each row's incremental cursor value, the paging cursor
 * of its last record, and the page-level fields paging needs ({@code has_more}, a next token or URL).
 */
record ParsedPage<R>(List<R> rows, List<Object> cursors, Object lastPageCursor, Map<String, Object> fields) {

  int size() {
    return rows.size();
  }
}
