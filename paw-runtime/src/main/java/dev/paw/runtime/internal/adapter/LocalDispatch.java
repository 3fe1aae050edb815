package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import java.util.List;
import java.util.Map;

/** Runs a connector's {@code LOCAL} actions (no HTTP) through the host's {@link LocalActions}. */
final class LocalDispatch {

  private final String connector;
  private final Pocket pocket;
  private final LocalActions local;

  /**
   * @param local runs the connector's {@code LOCAL} actions, or {@code null} when paw has no
   *     implementation of them
   */
  LocalDispatch(String connector, Pocket pocket, LocalActions local) {
    this.connector = connector;
    this.pocket = pocket;
    this.local = local;
  }

  ActionResult run(ActionSpec action, Map<String, Object> values) {
    if (local == null) {
      throw new UnsupportedOperationException(
          LocalAdapters.missingMessage(connector, List.of(action.name())));
    }
    try {
      return local.run(action, values, pocket);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
