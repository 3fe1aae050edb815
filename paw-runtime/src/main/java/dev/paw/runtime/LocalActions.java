package dev.paw.runtime;

import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import java.util.Map;

/**
 * Runs a connector's {@code LOCAL} actions inside paw (the file import connector's, for one).
 * Called after the parameters are checked and the trust gate allowed the call; the runtime audits
 * it.
 */
@FunctionalInterface
public interface LocalActions {

  /**
   * Runs one action.
   *
   * @param params checked values with defaults applied, by wire name
   * @return the result, with a JSON body
   */
  ActionResult run(ActionSpec action, Map<String, Object> params, Pocket pocket) throws Exception;
}
