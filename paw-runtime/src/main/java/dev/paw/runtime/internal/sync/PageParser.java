package dev.paw.runtime.internal.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.paw.runtime.mapping.JsonColumns;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RecordException;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.FieldPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a list response as a stream: it finds the records (the {@code records} path, or by default
 * a top-level array, else the first top-level array field, which is {@code data} in most APIs),
 * hands each record to the mapper, and picks up the page-level fields paging needs. Nothing builds
 * a tree of the response; only the page's mapped rows are held.
 */
final class PageParser {

  /** Bounds that keep a hostile or broken response from costing unbounded memory or stack. */
  static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(200)
                  .maxStringLength(16 * 1024 * 1024)
                  .maxNumberLength(1000)
                  .build())
          .build();

  private static final String RECORDS = "\0records";

  /** The fields to look for, keyed by name, with sub-trees for nested paths. */
  private final Map<String, Object> tree = new HashMap<>();

  private final boolean autoRecords;

  /**
   * @param recordsPath where the records are; {@code null} for a top-level array, else {@code
   *     data}, else the first array field
   * @param fieldPaths page-level fields to capture (dotted paths)
   */
  PageParser(String recordsPath, List<String> fieldPaths) {
    autoRecords = recordsPath == null;
    if (!autoRecords) {
      put(FieldPath.segments(recordsPath), RECORDS);
    }
    for (String path : fieldPaths) {
      put(FieldPath.segments(path), path);
    }
  }

  @SuppressWarnings("unchecked")
  private void put(List<String> segments, String leaf) {
    Map<String, Object> node = tree;
    for (int i = 0; i < segments.size() - 1; i++) {
      Object child = node.computeIfAbsent(segments.get(i), k -> new HashMap<String, Object>());
      if (!(child instanceof Map)) {
        throw new IllegalArgumentException(
            "'" + leaf + "' reads inside a field that is read whole");
      }
      node = (Map<String, Object>) child;
    }
    node.put(segments.get(segments.size() - 1), leaf);
  }

  /**
   * Parses one page.
   *
   * @param pageNumber 1-based, for messages
   * @throws SyncException when the body is not JSON, holds no records where none were expected to
   *     be found, or a record cannot be mapped (a page without its explicit records field is
   *     returned empty: the caller decides)
   */
  <R> ParsedPage<R> parse(InputStream body, RowMapper<R> mapper, int pageNumber)
      throws IOException {
    Reading<R> reading = new Reading<>(mapper, pageNumber);
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY && autoRecords) {
        reading.records(parser);
      } else if (first == JsonToken.START_OBJECT) {
        reading.object(parser, tree, true);
      } else {
        throw new SyncException(
            "page "
                + pageNumber
                + " is not a JSON object or array (it starts with "
                + (first == null
                    ? "nothing"
                    : first.asString() == null ? first.name() : first.asString())
                + ")");
      }
      if (!reading.foundRecords && autoRecords) {
        throw new SyncException(noRecords(pageNumber));
      }
    } catch (JsonParseException e) {
      throw SyncException.retryable(
          "page "
              + pageNumber
              + " is not valid JSON: "
              + e.getOriginalMessage()
              + " (after "
              + reading.rows.size()
              + " records)");
    } catch (StreamConstraintsException e) {
      throw new SyncException(
          "page " + pageNumber + " exceeds a safety limit: " + e.getOriginalMessage());
    }
    return new ParsedPage<>(
        reading.rows,
        reading.cursors,
        reading.lastPageCursor,
        reading.fields,
        reading.foundRecords);
  }

  /** The message for a page without its records (see {@link ParsedPage#recordsFound()}). */
  String noRecords(int pageNumber) {
    return "page "
        + pageNumber
        + " holds no records"
        + (autoRecords
            ? " (no top-level array, 'data' array or other array field); set 'records'"
            : " at the 'records' path");
  }

  /**
   * Reads a body that is one record (a child request's response, see {@link ChildRequests}).
   *
   * @param what names the record in messages
   */
  static <R> R parseRecord(
      InputStream body, RowMapper<R> mapper, RecordContext context, String what)
      throws IOException {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new SyncException(what + " is not a JSON object");
      }
      try {
        return mapper.read(parser, context);
      } catch (RecordException e) {
        throw new SyncException(what + ": " + e.getMessage());
      }
    } catch (JsonParseException e) {
      throw SyncException.retryable(what + " is not valid JSON: " + e.getOriginalMessage());
    } catch (StreamConstraintsException e) {
      throw new SyncException(what + " exceeds a safety limit: " + e.getOriginalMessage());
    }
  }

  /** The top-level field of the record the parser is in (the record is a child of {@code list}). */
  private static String field(JsonParser parser, JsonStreamContext list) {
    JsonStreamContext context = parser.getParsingContext();
    while (context != null && context.getParent() != list) {
      context = context.getParent();
    }
    String name = context == null ? null : context.getCurrentName();
    return name == null ? "?" : name;
  }

  /** The state of one parse. */
  private final class Reading<R> {
    private final RowMapper<R> mapper;
    private final int pageNumber;
    private final RecordContext context = new RecordContext();
    private final List<R> rows = new ArrayList<>();
    private final List<Object> cursors = new ArrayList<>();
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private Object lastPageCursor;
    private boolean foundRecords;

    Reading(RowMapper<R> mapper, int pageNumber) {
      this.mapper = mapper;
      this.pageNumber = pageNumber;
    }

    @SuppressWarnings("unchecked")
    void object(JsonParser parser, Map<String, Object> node, boolean top) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        Object wanted = node.get(name);
        if (wanted == null
            && top
            && autoRecords
            && !foundRecords
            && value == JsonToken.START_ARRAY) {
          wanted = RECORDS;
        }
        if (wanted == RECORDS) {
          if (value != JsonToken.START_ARRAY) {
            throw new SyncException(
                "page "
                    + pageNumber
                    + ": the records field '"
                    + name
                    + "' is not an array but "
                    + value.name().toLowerCase(Locale.ROOT).replace("start_", "an "));
          }
          records(parser);
        } else if (wanted instanceof String path) {
          fields.put(path, JsonColumns.readAny(parser, path));
        } else if (wanted instanceof Map && value == JsonToken.START_OBJECT) {
          object(parser, (Map<String, Object>) wanted, false);
        } else {
          parser.skipChildren();
        }
      }
    }

    void records(JsonParser parser) throws IOException {
      foundRecords = true;
      JsonStreamContext list = parser.getParsingContext();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        int number = rows.size() + 1;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          throw new SyncException(
              "record #" + number + " on page " + pageNumber + " is not an object");
        }
        context.reset();
        try {
          rows.add(mapper.read(parser, context));
        } catch (RecordException e) {
          throw new SyncException(
              "record #" + number + " on page " + pageNumber + ": " + e.getMessage());
        } catch (StreamConstraintsException e) {
          throw new SyncException(
              "record #"
                  + number
                  + " on page "
                  + pageNumber
                  + ": field '"
                  + field(parser, list)
                  + "' exceeds a safety limit: "
                  + e.getOriginalMessage());
        }
        cursors.add(context.get(RecordContext.INCREMENTAL_CURSOR));
        lastPageCursor = context.get(RecordContext.PAGE_CURSOR);
      }
    }
  }
}
