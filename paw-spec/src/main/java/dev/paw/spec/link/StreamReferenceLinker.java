package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ColumnSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadStream;
import dev.paw.spec.read.Reference;
import java.util.List;

/**
 * Resolves what a stream names: the source action and the parameters it fixes for it, the primary
 * key columns, and {@code each}. A source or key that names nothing is reported and kept as
 * written, so that the completing pass does not infer or demand what the file already tried to say;
 * a linker never hands out a spec with errors, so such a stream goes no further.
 */
final class StreamReferenceLinker {

  private final Diagnostics diagnostics;
  private final SourceParams sourceParams;
  private final ChildRequestLinker children;
  private final ChangesLinker changes;

  StreamReferenceLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.sourceParams = new SourceParams(diagnostics);
    this.children = new ChildRequestLinker(diagnostics);
    this.changes = new ChangesLinker(diagnostics);
  }

  StreamSpec link(ReadStream read, List<ActionSpec> actions) {
    StreamSpec stream = read.stream();
    ActionSpec source = read.source() == null ? null : source(read.source(), read.what(), actions);
    if (source != null) {
      stream = stream.withParams(sourceParams.fit(read, source, false));
    }
    primaryKey(read);
    if (read.each() != null) {
      stream = stream.withEach(children.link(read.each(), read.what(), actions));
    }
    if (read.changes() != null) {
      stream = stream.withChanges(changes.link(read, actions));
    }
    return stream;
  }

  /**
   * The action a stream names as its source if it can supply records; else {@code null}, with an
   * error.
   */
  private ActionSpec source(Reference source, String what, List<ActionSpec> actions) {
    String name = source.name();
    ActionSpec action =
        actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    if (action == null) {
      diagnostics.error(
          source.location(),
          "source action '"
              + name
              + "' of "
              + what
              + " is not an action of this"
              + " connector"
              + Wording.didYouMean(name, actions.stream().map(ActionSpec::name).toList()));
      return null;
    }
    if (action.method() == HttpMethod.LOCAL || action.url() == null) {
      diagnostics.error(
          source.location(),
          "source action '" + name + "' of " + what + " has no url to fetch records" + " from");
      return null;
    }
    return action;
  }

  private void primaryKey(ReadStream read) {
    List<String> names = read.stream().columns().stream().map(ColumnSpec::name).toList();
    for (Reference key : read.primaryKey()) {
      if (!names.contains(key.name())) {
        diagnostics.error(
            key.location(),
            "primary key '"
                + key.name()
                + "' of "
                + read.what()
                + " is not one of its"
                + " columns"
                + (names.isEmpty()
                    ? " (it maps none)"
                    : Wording.hintOrList(key.name(), names, names)));
      }
    }
  }
}
