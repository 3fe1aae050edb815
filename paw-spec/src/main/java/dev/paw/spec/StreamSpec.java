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
 * @param changes the change feed later runs read instead of listing everything, or {@code null}
 * @param fullRefresh how often a run lists everything again and removes the rows the source no
 *     longer has, or {@code null} for never
 * @param deleteWhen column values that mean the record is gone ({@code status: cancelled}): a row
 *     written with one of them is deleted in the same transaction; empty for none
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
    ChildRequestSpec each,
    ChangesSpec changes,
    Schedule fullRefresh,
    Map<String, List<Object>> deleteWhen) {

  /** A stream without a change feed, full refresh or deleting values. */
  public StreamSpec(
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
    this(
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
        each,
        null,
        null,
        Map.of());
  }

  public StreamSpec {
    deleteWhen = Values.orderedCopy(deleteWhen == null ? Map.of() : deleteWhen);
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

  public StreamSpec withChanges(ChangesSpec newChanges) {
    return toBuilder().changes(newChanges).build();
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
        .each(each)
        .changes(changes)
        .fullRefresh(fullRefresh)
        .deleteWhen(deleteWhen);
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
    private ChangesSpec changes;
    private Schedule fullRefresh;
    private Map<String, List<Object>> deleteWhen = Map.of();

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

    public Builder changes(ChangesSpec value) {
      changes = value;
      return this;
    }

    public Builder fullRefresh(Schedule value) {
      fullRefresh = value;
      return this;
    }

    public Builder deleteWhen(Map<String, List<Object>> value) {
      deleteWhen = value;
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
          each,
          changes,
          fullRefresh,
          deleteWhen);
    }
  }
}
