package dev.paw.postgresql;

import dev.paw.postgresql.internal.PgActions;
import dev.paw.postgresql.internal.PgConnections;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.RuntimeLimits;
import dev.paw.runtime.credentials.ScopedCredentials;

/**
 * Runs PocketPaw's {@code postgresql} connector file (its {@code LOCAL} actions) over JDBC, with
 * the connection's credentials from paw's store. Registered through {@link java.util.ServiceLoader}
 * as a {@link LocalActions.Adapter}: a paw with this module on its class path runs {@code paw run
 * postgresql list_tables}. Statements of the read actions stop after the runtime's query time limit
 * ({@link RuntimeLimits#queryTimeout()}).
 */
public final class PostgresAdapter implements LocalActions.Adapter {

  /** The connector this adapter runs. */
  public static final String CONNECTOR = "postgresql";

  @Override
  public String connector() {
    return CONNECTOR;
  }

  @Override
  public LocalActions open(ScopedCredentials credentials, RuntimeLimits limits) {
    return new PgActions(new PgConnections(credentials), limits.queryTimeout());
  }
}
