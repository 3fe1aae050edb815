package dev.paw.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sync stream: a list action's records mapped into a table of pocket.db.
 *
 * @param source the list action that supplies the records; {@code null} when it is neither given
 *     nor inferable (the stream then cannot run, and validation says why)
 * @param params fixed parameter values for the source action
 * @param records where the records are in each page; overrides the action's setting when not {@code
 *     null}
 * @param columns the table's columns in order; empty when the file maps nothing
 * @param primaryKey the key columns; empty for an append-only table
 * @param incremental the incremental cursor, or {@code null} for a full sync each run
 * @param maxPages the most pages one run fetches; overrides the action's cap when not {@code null}
 * @param each a request per listed record whose response the columns map, or {@code null} when the
 *     listed records themselves are mapped
 */
public record StreamSpec(
    Location location,
    String table,
    Schedule schedule,
    String source,
    Map<String, Object> params,
    String records,
    List<ColumnSpec> columns,
    List<String> primaryKey,
    IncrementalSpec incremental,
    WriteMode writeMode,
    Integer maxPages,
    ChildRequestSpec each) {

  public StreamSpec {
    params = Values.orderedCopy(params);
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** True when the stream names a source action and maps at least one column. */
  public boolean isRunnable() {
    return source != null && !columns.isEmpty();
  }

  public StreamSpec withSource(String newSource) {
    return toBuilder().source(newSource).build();
  }

  public StreamSpec withParams(Map<String, Object> newParams) {
    return toBuilder().params(newParams).build();
  }

  public StreamSpec withEach(ChildRequestSpec newEach) {
    return toBuilder().each(newEach).build();
  }

  public StreamSpec withPrimaryKey(List<String> newPrimaryKey) {
    return toBuilder().primaryKey(newPrimaryKey).build();
  }

  /**
   * A builder for a manual, full-sync {@code merge} stream into {@code table} with no source,
   * columns or key yet.
   */
  public static Builder builder(Location location, String table) {
    return new Builder(location, table);
  }

  /** A builder holding every value of this one, to change a few. */
  public Builder toBuilder() {
    return builder(location, table)
        .schedule(schedule)
        .source(source)
        .params(params)
        .records(records)
        .columns(columns)
        .primaryKey(primaryKey)
        .incremental(incremental)
        .writeMode(writeMode)
        .maxPages(maxPages)
        .each(each);
  }

  /**
   * Builds a {@link StreamSpec}; every value not set keeps the default {@link #builder} describes.
   */
  public static final class Builder {
    private final Location location;
    private final String table;
    private Schedule schedule = Schedule.MANUAL;
    private String source;
    private Map<String, Object> params = Map.of();
    private String records;
    private List<ColumnSpec> columns = List.of();
    private List<String> primaryKey = List.of();
    private IncrementalSpec incremental;
    private WriteMode writeMode = WriteMode.MERGE;
    private Integer maxPages;
    private ChildRequestSpec each;

    private Builder(Location location, String table) {
      this.location = location;
      this.table = table;
    }

    public Builder schedule(Schedule value) {
      schedule = value;
      return this;
    }

    public Builder source(String value) {
      source = value;
      return this;
    }

    public Builder params(Map<String, Object> value) {
      params = value;
      return this;
    }

    public Builder records(String value) {
      records = value;
      return this;
    }

    public Builder columns(List<ColumnSpec> value) {
      columns = value;
      return this;
    }

    public Builder primaryKey(List<String> value) {
      primaryKey = value;
      return this;
    }

    public Builder incremental(IncrementalSpec value) {
      incremental = value;
      return this;
    }

    public Builder writeMode(WriteMode value) {
      writeMode = value;
      return this;
    }

    public Builder maxPages(Integer value) {
      maxPages = value;
      return this;
    }

    public Builder each(ChildRequestSpec value) {
      each = value;
      return this;
    }

    public StreamSpec build() {
      return new StreamSpec(
          location,
          table,
          schedule,
          source,
          params,
          records,
          columns,
          primaryKey,
          incremental,
          writeMode,
          maxPages,
          each);
    }
  }
}
