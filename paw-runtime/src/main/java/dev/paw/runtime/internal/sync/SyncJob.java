package dev.paw.runtime.internal.sync;

import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import java.io.IOException;
import java.sql.Connection;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * One table to sync and everything the run needs: the stream and its mapper, the pocket's database
 * connection, and how to build and send requests for the source action (auth, retries and rate
 * limits live in the client).
 *
 * @param connection a connection to the pocket's database, used by this run only
 * @param redactor masks the connection's credential values in an error before the run stores it in
 *     {@code _paw_sync_state} or returns it (a server may echo the key back in its error body)
 */
public record SyncJob<R>(
    String pocket,
    ConnectorSpec connector,
    StreamSpec stream,
    RowMapper<R> mapper,
    Connection connection,
    OkHttpClient client,
    RequestSource requests,
    UnaryOperator<String> redactor) {

  /** A job whose errors hold no credential value to mask. */
  public SyncJob(
      String pocket,
      ConnectorSpec connector,
      StreamSpec stream,
      RowMapper<R> mapper,
      Connection connection,
      OkHttpClient client,
      RequestSource requests) {
    this(pocket, connector, stream, mapper, connection, client, requests, UnaryOperator.identity());
  }

  /**
   * Builds the request of an action from parameter values keyed by wire name (defaults applied,
   * values checked).
   */
  @FunctionalInterface
  public interface RequestSource {
    Request request(ActionSpec action, Map<String, Object> params) throws IOException;
  }

  ActionSpec source() {
    return connector
        .action(stream.source())
        .orElseThrow(
            () ->
                new IllegalArgumentException("stream " + stream.table() + " has no source action"));
  }
}
