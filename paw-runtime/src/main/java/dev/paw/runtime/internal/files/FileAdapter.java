package dev.paw.runtime.internal.files;

import dev.paw.runtime.LocalActions;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.credentials.ScopedCredentials;
import dev.paw.spec.ConnectorSpec;
import java.time.Clock;

/**
 * Registers the file connector ({@code connectors/csv.yaml}) through the same {@link
 * java.util.ServiceLoader} point as any other local adapter; its {@code query_table} runs under the
 * runtime's query time limit.
 */
public final class FileAdapter implements LocalActions.Adapter {

  @Override
  public String connector() {
    return FileConnector.NAME;
  }

  @Override
  public LocalActions open(ScopedCredentials credentials, RuntimeLimits limits) {
    return open(null, credentials, limits, null);
  }

  @Override
  public LocalActions open(
      ConnectorSpec spec,
      ScopedCredentials credentials,
      RuntimeLimits limits,
      SyncListener listener) {
    return new FileConnector(
        new FileActions(ImportLimits.DEFAULTS, Clock.systemUTC(), limits.queryTimeout()), listener);
  }
}
