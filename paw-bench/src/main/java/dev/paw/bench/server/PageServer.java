package dev.paw.bench.server;

/** A loopback HTTP server answering list requests from a {@link ListRoute}. */
public interface PageServer extends AutoCloseable {

  /** A short name for the report. */
  String name();

  /** {@code http://127.0.0.1:port}. */
  String origin();

  @Override
  void close();
}
