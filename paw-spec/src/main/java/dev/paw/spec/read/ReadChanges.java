package dev.paw.spec.read;

import dev.paw.spec.ChangesSpec;
import java.util.List;

/**
 * A stream's change feed as written, for the linker to resolve its actions.
 *
 * @param changes the feed with its parameters as written
 * @param source the feed action as written
 * @param params the fixed parameters for it, in order
 * @param start the action that gives a full listing's start position, or {@code null}
 */
public record ReadChanges(
    ChangesSpec changes, Reference source, List<WrittenParam> params, Reference start) {

  public ReadChanges {
    params = List.copyOf(params);
  }
}
