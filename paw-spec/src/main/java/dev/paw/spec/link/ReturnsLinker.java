package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.FieldTree;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadAction;

/**
 * Fits an action's declared answer fields ({@code returns}) to one another: like a stream's
 * columns, they must be readable in one pass over the answer, so no field may read inside another
 * that is read whole, and a path read by two fields must be read as one type.
 */
final class ReturnsLinker {

  private final Diagnostics diagnostics;

  ReturnsLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Reports every conflict among {@code action}'s declared answer fields; the action is left as it
   * is.
   */
  void check(ReadAction read) {
    ActionSpec action = read.action();
    if (action.returns().isEmpty()) {
      return;
    }
    String what = "'returns' of action '" + action.name() + "'";
    for (String conflict : FieldTree.of(action.returns()).conflicts()) {
      diagnostics.error(
          read.returnsLocation() == null ? action.location() : read.returnsLocation(),
          Wording.notOnePass(what, conflict));
    }
  }
}
