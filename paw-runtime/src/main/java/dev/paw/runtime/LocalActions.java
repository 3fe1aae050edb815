package dev.paw.runtime;

import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import java.util.Map;

/**
 * Runs a connector's {@code LOCAL} (custom) actions inside paw: the file import connector's, the
 * PostgreSQL adapter's, or any other module's. Called after the parameters are checked and the
 * trust gate allowed the call; the runtime audits it.
 *
 * <p>A module adds the actions of one connector by implementing {@link Adapter} and registering it
 * for {@link java.util.ServiceLoader} in {@code
 * META-INF/services/dev.paw.runtime.LocalActions$Adapter}. A host may instead give an instance with
 * {@link PawBuilder#localActions}, which wins over an adapter of the same connector. See {@code
 * docs/adapters.md}.
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

  /**
   * Makes the {@link LocalActions} of one connector for one connection, found with {@link
   * java.util.ServiceLoader}; implementations need a public no-argument constructor.
   */
  interface Adapter {

    /** The connector (its file's {@code name}) whose {@code LOCAL} actions this runs. */
    String connector();

    /**
     * The actions of one connection (a connector in a pocket), made once and kept for the runtime's
     * life; they read what they need (host, user, password, ...) from {@code credentials} when
     * called, so a credential changed later is used.
     *
     * @param limits how long a query may run ({@link RuntimeLimits#queryTimeout()}) and the other
     *     limits of the runtime
     */
    LocalActions open(ScopedCredentials credentials, RuntimeLimits limits);

    /**
     * The actions for one connection of {@code spec}; paw calls this one, and by default it is
     * {@link #open(ScopedCredentials, RuntimeLimits)}. An adapter that serves many connectors (the
     * one for MCP servers, registered as {@code mcp_server}) reads what it needs from the connector
     * here; one whose long actions (an import, say) report how far they have got tells {@code
     * listener}. If the result is {@link AutoCloseable}, paw closes it when the runtime closes.
     *
     * @param listener told of progress ({@link SyncListener#onProgress}), or {@code null}
     */
    default LocalActions open(
        dev.paw.spec.ConnectorSpec spec,
        ScopedCredentials credentials,
        RuntimeLimits limits,
        SyncListener listener) {
      return open(credentials, limits);
    }
  }
}
