package dev.paw.runtime;

/**
 * A sync that failed, whatever the reason: the one way {@link ConnectorProtocol#sync} and {@link
 * ConnectorProtocol#syncAll} fail. It carries what the run did before it stopped ({@link #result}:
 * the rows committed so far stay, and the next sync resumes from the last commit) and, when another
 * exception was the reason (the trust gate refused, the connector changed since it was connected,
 * the connector is not connected or syncs no such table), that exception as its cause.
 */
public final class SyncFailedException extends RuntimeException {

  private final transient SyncResult result;

  /**
   * @param result what the run did; its {@link SyncResult#error} is this exception's message
   */
  public SyncFailedException(SyncResult result, Throwable cause) {
    super(result.error(), cause);
    this.result = result;
  }

  public SyncFailedException(SyncResult result) {
    this(result, null);
  }

  /** What the run did before it stopped; never {@linkplain SyncResult#complete complete}. */
  public SyncResult result() {
    return result;
  }

  /** The table whose sync failed. */
  public String table() {
    return result.table();
  }
}
