package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.FieldTree;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.ParamIn;
import dev.paw.spec.SourceInference;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.TrustLevel;
import dev.paw.spec.WriteMode;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadStream;
import java.util.List;
import java.util.Map;

/**
 * Completes each sync stream: infers the source action PocketPaw files leave implicit, defaults the
 * primary key to {@code id}, and checks what only the whole connector can tell (a source that
 * cannot be called unattended, a write mode without the key it needs).
 */
final class StreamLinker {

  private final Diagnostics diagnostics;
  private final SourceParams sourceParams;

  StreamLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.sourceParams = new SourceParams(diagnostics);
  }

  /**
   * Completes {@code stream}, whose references are resolved; {@code read} is the stream as written.
   */
  StreamSpec link(StreamSpec stream, ReadStream read, ConnectorSpec connector) {
    String what = "sync stream '" + stream.table() + "'";
    if (stream.columns().isEmpty()) {
      diagnostics.warning(
          stream.location(),
          what + " maps no columns, so it syncs nothing: " + noColumnsAdvice(stream, connector));
      return stream;
    }
    StreamSpec linked = stream;
    if (linked.source() == null) {
      String inferred = inferSource(stream, connector);
      if (inferred != null) {
        linked = linkSource(linked.withSource(inferred), read, connector, true, what);
      }
    } else {
      linked = linkSource(linked, read, connector, false, what);
    }
    return primaryKey(linked, what);
  }

  /** What to add to a stream that maps nothing, or what to give when connecting it. */
  private static String noColumnsAdvice(StreamSpec stream, ConnectorSpec connector) {
    String add =
        "add a line `column: field.path` under mapping for each field of a record to keep"
            + " (for example `id: id`)";
    List<String> sources =
        stream.source() != null
            ? List.of(stream.source())
            : SourceInference.candidates(connector, stream.table());
    ActionSpec source =
        sources.size() == 1
            ? connector.action(sources.get(0)).filter(a -> a.url() != null).orElse(null)
            : null;
    if (source == null) {
      return add
          + (sources.size() > 1
              ? " and name its source (one of " + String.join(", ", sources) + ")"
              : "");
    }
    List<String> missing = missingParams(stream, source, connector);
    return add
        + ", or let paw connect infer them from the first page of '"
        + source.name()
        + "'"
        + (missing.isEmpty()
            ? ""
            : " (paw connect "
                + connector.name()
                + String.join("", missing.stream().map(m -> " --param " + m + "=...").toList())
                + ")");
  }

  /**
   * Checks that the source can feed the stream unattended; an inferred source that cannot is
   * dropped.
   */
  private StreamSpec linkSource(
      StreamSpec stream, ReadStream read, ConnectorSpec connector, boolean inferred, String what) {
    ActionSpec source =
        connector
            .action(stream.source())
            .filter(a -> a.url() != null && a.method() != HttpMethod.LOCAL)
            .orElse(null);
    if (source == null) {
      return stream; // the reference pass reported the source the file names
    }
    if (inferred) {
      Map<String, Object> params = sourceParams.fit(read, source, true);
      if (params.size() < read.params().size()) {
        return stream;
      }
      stream = stream.withParams(params);
    }
    List<String> missing = missingParams(stream, source, connector);
    if (!missing.isEmpty()) {
      String message =
          what
              + " cannot call its source action '"
              + source.name()
              + "' unattended: it needs "
              + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
              + (inferred
                  ? " (set them under the stream's params, or give them when connecting: paw"
                      + " connect "
                      + connector.name()
                      + String.join(
                          "", missing.stream().map(m -> " --param " + m + "=...").toList())
                      + ")"
                  : " (set them under params)");
      if (inferred) {
        diagnostics.warning(stream.location(), message);
        return stream.withSource(null);
      }
      diagnostics.error(stream.location(), message);
    }
    if (source.trustLevel() != TrustLevel.AUTO) {
      diagnostics.warning(
          stream.location(),
          what
              + " reads through '"
              + source.name()
              + "', which is at trust level '"
              + source.trustLevel().wireName()
              + "': every run will wait for approval");
    }
    if (stream.incremental() != null
        && source
            .param(stream.incremental().param())
            .filter(p -> p.in() == ParamIn.PATH)
            .isPresent()) {
      diagnostics.error(
          stream.incremental().location(),
          "the incremental param '"
              + stream.incremental().param()
              + "' of "
              + what
              + " fills a {placeholder} of the url; it must be a query parameter");
    }
    for (String conflict : FieldTree.of(connector, stream).conflicts()) {
      diagnostics.error(stream.location(), Wording.notOnePass(what, conflict));
    }
    return stream;
  }

  private StreamSpec primaryKey(StreamSpec stream, String what) {
    if (!stream.primaryKey().isEmpty()) {
      return stream;
    }
    if (stream.column("id").isPresent()) {
      return stream.withPrimaryKey(List.of("id"));
    }
    if (stream.writeMode() != WriteMode.APPEND) {
      diagnostics.error(
          stream.location(),
          what
              + " (write_mode "
              + stream.writeMode().wireName()
              + ") needs a primary"
              + " key: add 'primary_key' or map a column named 'id'");
    } else if (stream.incremental() != null) {
      diagnostics.error(
          stream.location(),
          what
              + " appends incrementally, so it needs a primary key to skip the"
              + " records it already stored: add 'primary_key' or map a column named 'id'");
    }
    return stream;
  }

  private static List<String> missingParams(
      StreamSpec stream, ActionSpec source, ConnectorSpec connector) {
    return SourceInference.missingParams(connector, source, stream.params(), stream.incremental());
  }

  /** The list action whose name says it lists the table's entity (see {@link SourceInference}). */
  private String inferSource(StreamSpec stream, ConnectorSpec connector) {
    String table = stream.table();
    List<String> tier = SourceInference.candidates(connector, table);
    if (tier.size() == 1) {
      return tier.get(0);
    }
    if (tier.size() > 1) {
      diagnostics.warning(
          stream.location(),
          "sync stream '"
              + table
              + "' could read from any of "
              + String.join(", ", tier)
              + "; name one with 'source'");
      return null;
    }
    diagnostics.warning(
        stream.location(),
        "cannot tell which action feeds sync stream '" + table + "'; name it with" + " 'source'");
    return null;
  }
}
