package dev.paw.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.paw.runtime.internal.sync.JsonPaths;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RowMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An action's answer as a typed value (the rows of a synced table, or the record of the action's
 * declared {@code returns} fields), beside the raw result it was read from. Generated clients
 * answer with it.
 *
 * <p>The value is read on first use, so an answer that does not fit never fails the call: fields it
 * lacks are {@code null}, fields it adds are ignored, and {@link #raw()} always holds what the
 * service sent.
 *
 * @param <T> the type of the value
 */
public final class TypedResult<T> {

  /**
   * Reads a typed value from an answer; the parser is on the answer's first token ({@code null}
   * when empty).
   */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonParser parser) throws IOException;
  }

  private static final JsonFactory JSON = new JsonFactory();

  private final ActionResult raw;
  private final Reader<T> reader;
  private T value;
  private boolean read;

  private TypedResult(ActionResult raw, Reader<T> reader) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The answer read by {@code reader}, for an action with declared {@code returns} fields. */
  public static <T> TypedResult<T> of(ActionResult raw, Reader<T> reader) {
    return new TypedResult<>(raw, reader);
  }

  /**
   * The answer's records read as rows by {@code mapper}, for an action whose records a sync stream
   * maps.
   *
   * @param records the path of the records in the answer; {@code null} for the answer itself when
   *     it is an array, else its {@code data} field, else its first array field. Records that are
   *     missing or not objects give no rows.
   */
  public static <R> TypedResult<List<R>> rows(
      ActionResult raw, String records, RowMapper<R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new TypedResult<>(raw, parser -> readRows(raw, records, mapper));
  }

  /** The result as the service sent it. */
  public ActionResult raw() {
    return raw;
  }

  /**
   * The typed value, read from the answer the first time it is asked for.
   *
   * @throws IllegalStateException when the answer is not JSON, or a field holds a value of another
   *     type than declared (the message names the field)
   */
  public synchronized T value() {
    if (!read) {
      try (JsonParser parser = JSON.createParser(raw.body())) {
        parser.nextToken();
        value = reader.read(parser);
      } catch (IOException e) {
        throw new IllegalStateException(
            "the answer of '" + raw.action() + "' cannot be read: " + e.getMessage(), e);
      }
      read = true;
    }
    return value;
  }

  @Override
  public String toString() {
    return "TypedResult{" + raw + "}";
  }

  private static <R> List<R> readRows(ActionResult raw, String records, RowMapper<R> mapper)
      throws IOException {
    JsonNode array =
        records == null ? defaultRecords(raw.json()) : JsonPaths.at(raw.json(), records);
    List<R> rows = new ArrayList<>();
    if (array == null || !array.isArray()) {
      return Collections.unmodifiableList(rows);
    }
    for (JsonNode record : array) {
      if (record.isObject()) {
        try (JsonParser parser = record.traverse()) {
          parser.nextToken();
          rows.add(mapper.read(parser, new RecordContext()));
        }
      }
    }
    return Collections.unmodifiableList(rows);
  }

  private static JsonNode defaultRecords(JsonNode root) {
    if (root.isArray()) {
      return root;
    }
    if (root.path("data").isArray()) {
      return root.get("data");
    }
    for (Iterator<JsonNode> fields = root.elements(); fields.hasNext(); ) {
      JsonNode field = fields.next();
      if (field.isArray()) {
        return field;
      }
    }
    return null;
  }

  /**
   * One page of a list action's typed records, and the way to the pages after it. Generated clients
   * answer list actions that declare {@code records} and {@code pagination} with it; the runtime
   * pages with the code its syncs page with.
   *
   * <pre>{@code
   * Page<TodosRow> first = client.listTodos();        // one request
   * first.records();                                  // the rows of page 1
   * first.stream().forEach(...);                       // page 1, then page 2, ... fetched lazily
   * }</pre>
   *
   * <p>{@link #stream()} stops at the page cap ({@code RuntimeLimits.maxPages}, or the connector's
   * lower {@code max_pages}); {@link #capped()} says when a page was the last one under the cap
   * although the service had more.
   *
   * @param <R> the record type
   */
  public static final class Page<R> {

    private final ActionResult raw;
    private final List<R> records;
    private final int number;
    private final Supplier<CompletionStage<Page<R>>> next;
    private final boolean capped;

    private Page(
        ActionResult raw,
        List<R> records,
        int number,
        Supplier<CompletionStage<Page<R>>> next,
        boolean capped) {
      this.raw = Objects.requireNonNull(raw, "raw");
      this.records = List.copyOf(records);
      this.number = number;
      this.next = next;
      this.capped = capped;
    }

    /**
     * A page, as the runtime makes it.
     *
     * @param number 1 for the first page
     * @param next fetches the next page; {@code null} when this is the last one (or the cap)
     * @param capped true when the service announced more pages but the cap stops here
     */
    public static <R> Page<R> of(
        ActionResult raw,
        List<R> records,
        int number,
        Supplier<CompletionStage<Page<R>>> next,
        boolean capped) {
      return new Page<>(raw, records, number, next, capped);
    }

    /** This page's records, in the order the service sent them. */
    public List<R> records() {
      return records;
    }

    /** The answer this page was read from. */
    public ActionResult raw() {
      return raw;
    }

    /** 1 for the first page. */
    public int number() {
      return number;
    }

    /** Whether a page follows (within the cap). */
    public boolean hasNext() {
      return next != null;
    }

    /** True when the service has more pages than the page cap lets this one reach. */
    public boolean capped() {
      return capped;
    }

    /**
     * Fetches the next page.
     *
     * @return the next page; completes exceptionally when the call fails or is refused, and with a
     *     {@link NoSuchElementException} when this was the last page
     */
    public CompletionStage<Page<R>> nextAsync() {
      if (next == null) {
        return java.util.concurrent.CompletableFuture.failedFuture(
            new NoSuchElementException(
                "page " + number + " of '" + raw.action() + "' is the last"));
      }
      return next.get();
    }

    /**
     * Fetches the next page and waits for it.
     *
     * @throws NoSuchElementException when this was the last page
     * @throws RuntimeException the call's own exception (such as {@code ActionFailedException} or
     *     {@code ActionRefusedException}) when it fails
     */
    public Page<R> next() {
      return await(nextAsync());
    }

    /**
     * The records of this page and of every page after it, fetched one page at a time as the stream
     * is consumed, up to the page cap. A failed fetch throws the call's own exception from the
     * stream's terminal operation.
     */
    public Stream<R> stream() {
      Iterator<R> records =
          new Iterator<>() {
            private Page<R> page = Page.this;
            private Iterator<R> current = page.records.iterator();

            @Override
            public boolean hasNext() {
              while (!current.hasNext() && page.hasNext()) {
                page = page.next();
                current = page.records.iterator();
              }
              return current.hasNext();
            }

            @Override
            public R next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              return current.next();
            }
          };
      return StreamSupport.stream(
          Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false);
    }

    @Override
    public String toString() {
      return "Page{" + raw.action() + " #" + number + ", " + records.size() + " records}";
    }
  }

  /**
   * Waits for a stage and answers its value, or throws the exception it failed with, unwrapped from
   * the {@link CompletionException} around it; blocking clients call this.
   */
  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
