package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ChangesSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.ParamIn;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.TrustLevel;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadChanges;
import dev.paw.spec.read.ReadStream;
import dev.paw.spec.read.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves a stream's change feed: its action and the action that gives a full listing's start
 * position must exist, fetch over HTTP and be at trust level {@code auto} (a sync calls them with
 * nobody to approve); the feed's fixed parameters must fit it, its position parameter must be a
 * query parameter, and every required parameter must be supplied.
 */
final class ChangesLinker {

  private final Diagnostics diagnostics;
  private final SourceParams sourceParams;

  ChangesLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.sourceParams = new SourceParams(diagnostics);
  }

  /** The feed with its parameters fitted, or {@code null} (with errors) when it cannot run. */
  ChangesSpec link(ReadStream stream, List<ActionSpec> actions) {
    ReadChanges read = stream.changes();
    String what = "the change feed of " + stream.what();
    ActionSpec source = action(read.source(), "its events", what, actions);
    ChangesSpec changes = read.changes();
    if (read.start() != null) {
      action(read.start(), "its start position", what, actions);
    }
    if (source == null) {
      return null;
    }
    ReadStream asFeed =
        new ReadStream(
            stream.stream(), true, what, read.source(), read.params(), List.of(), null, null);
    Map<String, Object> params = sourceParams.fit(asFeed, source, false);
    if (source.param(changes.param()).filter(p -> p.in() == ParamIn.PATH).isPresent()) {
      diagnostics.error(
          changes.location(),
          "the position param '"
              + changes.param()
              + "' of "
              + what
              + " fills a {placeholder} of the url; it must be a query parameter");
    }
    List<String> missing = new ArrayList<>();
    for (ParamSpec p : source.allParams()) {
      boolean supplied =
          p.defaultValue() != null
              || params.containsKey(p.name())
              || p.name().equals(changes.param())
              || p.name().equals(source.pagination().param());
      if (p.required() && !supplied) {
        missing.add(p.name());
      }
    }
    if (!missing.isEmpty()) {
      diagnostics.error(
          read.source().location(),
          what
              + " calls '"
              + source.name()
              + "' without its required "
              + (missing.size() == 1 ? "parameter " : "parameters ")
              + String.join(", ", missing)
              + "; give "
              + (missing.size() == 1 ? "it" : "them")
              + " in 'params'");
    }
    return changes.withSource(source.name(), params);
  }

  private ActionSpec action(Reference named, String gives, String what, List<ActionSpec> actions) {
    String name = named.name();
    ActionSpec action =
        actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    if (action == null) {
      diagnostics.error(
          named.location(),
          "'"
              + name
              + "', the action for "
              + gives
              + " in "
              + what
              + ", is not an action of this connector"
              + Wording.didYouMean(name, actions.stream().map(ActionSpec::name).toList()));
      return null;
    }
    if (action.method() == HttpMethod.LOCAL || action.url() == null) {
      diagnostics.error(
          named.location(),
          "'" + name + "', the action for " + gives + " in " + what + ", has no url to fetch");
      return null;
    }
    if (action.trustLevel() != TrustLevel.AUTO) {
      diagnostics.error(
          named.location(),
          "'"
              + name
              + "', the action for "
              + gives
              + " in "
              + what
              + ", is at trust level '"
              + action.trustLevel().wireName()
              + "'; a sync calls it with nobody to approve, so it must be 'auto'");
      return null;
    }
    return action;
  }
}
