package dev.paw.runtime.internal.files;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON array of objects, or NDJSON. Records need not share their keys, so a first pass collects
 * every leaf path in the order they first appear; each becomes a column, and a record without it
 * has NULL there.
 */
final class JsonSource implements TabularSource {

  private final Path file;
  private final String name;
  private final Charset charset;
  private final boolean ndjson;
  private final ImportLimits limits;
  private final List<String> headers;
  private final Map<String, Integer> columns;

  JsonSource(Path file, Charset charset, boolean ndjson, ImportLimits limits) throws IOException {
    this.file = file;
    this.name = file.getFileName().toString();
    this.charset = charset;
    this.ndjson = ndjson;
    this.limits = limits;
    LinkedHashMap<String, Integer> paths = new LinkedHashMap<>();
    try (JsonRecords records = newRecords()) {
      while (records.next(
          (path, value, kind) -> {
            if (paths.putIfAbsent(path, paths.size()) == null
                && paths.size() > limits.maxColumns()) {
              throw FileActionException.at(
                  name,
                  records.line(),
                  "has more than "
                      + limits.maxColumns()
                      + " distinct keys; the limit is "
                      + limits.maxColumns()
                      + " columns");
            }
          })) {
        // collecting paths
      }
      if (records.records() == 0) {
        throw FileActionException.at(
            name, 0, "has no records, so there are no columns to make a table of");
      }
      if (paths.isEmpty()) {
        throw FileActionException.at(
            name,
            0,
            "has only empty records ({}), so there are no columns to make a table" + " of");
      }
    }
    this.columns = Collections.unmodifiableMap(new HashMap<>(paths));
    this.headers = List.copyOf(paths.keySet());
  }

  private JsonRecords newRecords() throws IOException {
    return new JsonRecords(file, name, charset, ndjson, limits.maxFieldChars());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String format() {
    return ndjson ? "ndjson" : "json";
  }

  @Override
  public List<String> headers() {
    return headers;
  }

  @Override
  public boolean hasHeader() {
    return true;
  }

  @Override
  public RowReader open() throws IOException {
    return new JsonRowReader(newRecords());
  }

  /** Places each record's leaves in their columns. */
  private final class JsonRowReader implements RowReader {

    private final JsonRecords records;
    private final int[] seenIn;

    JsonRowReader(JsonRecords records) {
      this.records = records;
      this.seenIn = new int[headers.size()];
    }

    @Override
    public boolean next(String[] values, byte[] kinds, int offset) throws IOException {
      Arrays.fill(values, offset, offset + headers.size(), null);
      Arrays.fill(kinds, offset, offset + headers.size(), ValueKind.PLAIN);
      int record = (int) records.records() + 1;
      return records.next(
          (path, value, kind) -> {
            Integer column = columns.get(path);
            if (column == null) {
              throw FileActionException.at(
                  name,
                  records.line(),
                  path,
                  "key '"
                      + path
                      + "' was not in the file when it was first read; was it changed during the import?");
            }
            if (seenIn[column] == record) {
              throw FileActionException.at(
                  name,
                  records.line(),
                  path,
                  "record "
                      + record
                      + " has '"
                      + path
                      + "' twice (a repeated key, or a key with a dot that equals a nested path)");
            }
            seenIn[column] = record;
            values[offset + column] = value;
            kinds[offset + column] = kind;
          });
    }

    @Override
    public long line() {
      return records.line();
    }

    @Override
    public void close() throws IOException {
      records.close();
    }
  }
}
