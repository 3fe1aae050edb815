package dev.paw.spec.read;

import dev.paw.spec.StreamSpec;
import java.util.List;

/**
 * A sync stream as written. Its references are checked even when the stream itself goes no further
 * (PocketPaw's {@code table: null}, a table synced twice), because what the file says must still
 * make sense.
 *
 * @param stream the stream with its parameters as written, no {@code each}, and the {@code source}
 *     as written
 * @param kept whether the stream is part of the connector
 * @param what how messages name the stream ({@code sync stream 'invoices'}, {@code sync})
 * @param source the action the file names as the source, or {@code null}
 * @param params the fixed parameters for the source, in order
 * @param primaryKey the primary key columns, each once
 * @param each the request per listed record, or {@code null}
 * @param changes the change feed as written, or {@code null}
 */
public record ReadStream(
    StreamSpec stream,
    boolean kept,
    String what,
    Reference source,
    List<WrittenParam> params,
    List<Reference> primaryKey,
    ReadChildRequest each,
    ReadChanges changes) {

  public ReadStream {
    params = List.copyOf(params);
    primaryKey = List.copyOf(primaryKey);
  }

  /** A stream without a change feed. */
  public ReadStream(
      StreamSpec stream,
      boolean kept,
      String what,
      Reference source,
      List<WrittenParam> params,
      List<Reference> primaryKey,
      ReadChildRequest each) {
    this(stream, kept, what, source, params, primaryKey, each, null);
  }

  /** The same stream, checked but not part of the connector. */
  public ReadStream notKept() {
    return new ReadStream(stream, false, what, source, params, primaryKey, each, changes);
  }
}
