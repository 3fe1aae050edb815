package dev.paw.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A change feed: after a stream's first full listing, later runs read a second list action that
 * lists change events since a stored position, and apply each event to the table (an upsert or a
 * delete) instead of listing everything again. Stripe's Events API and Gmail's History API are such
 * feeds.
 *
 * @param source the list action of the feed
 * @param params fixed parameter values for it (Stripe's {@code types[]})
 * @param records where the events are in each page; {@code null} for the action's own setting
 * @param type the event field that names what happened ({@code type}), or {@code null} when the
 *     event says it by where its objects are (Gmail's {@code messagesAdded})
 * @param object where the changed object is in an event ({@code data.object}); {@code null} for the
 *     event itself. Used with {@code type}.
 * @param upsert with {@code type}: the event types whose object is inserted or updated; without it:
 *     the event fields that hold changed objects (lists are read element by element)
 * @param delete like {@code upsert}, for objects whose rows are deleted
 * @param cursor the event field whose highest value is the next position, or {@code null}
 * @param token the page field that holds the next position, or {@code null}
 * @param param the request parameter that carries the position
 * @param startAction the action whose answer gives the position at the start of a full listing, or
 *     {@code null} for the time the listing started, in Unix seconds
 * @param startField the field of that answer that holds the position
 * @param lookback for a numeric position: subtract before sending, so that a clock that is a little
 *     ahead loses nothing (events seen again are applied again, which changes nothing)
 * @param newestFirst whether the feed lists the newest event first (Stripe): then the first event a
 *     run sees for an object wins
 * @param retention how long the service keeps events: a position older than this (a position in
 *     Unix seconds) makes the stream start over in full; {@code null} when not known
 * @param expired the HTTP statuses that mean the position has expired, so the stream starts over in
 *     full (Gmail answers 404)
 */
public record ChangesSpec(
    Location location,
    String source,
    Map<String, Object> params,
    String records,
    String type,
    String object,
    List<String> upsert,
    List<String> delete,
    String cursor,
    String token,
    String param,
    String startAction,
    String startField,
    Long lookback,
    boolean newestFirst,
    Duration retention,
    List<Integer> expired) {

  /** What a feed answers by default when a position expired: Google's 410 Gone. */
  public static final List<Integer> DEFAULT_EXPIRED = List.of(410);

  public ChangesSpec {
    params = Values.orderedCopy(params);
    upsert = List.copyOf(upsert);
    delete = List.copyOf(delete);
    expired = List.copyOf(expired);
  }

  /** True when events are told apart by their {@code type} field. */
  public boolean typed() {
    return type != null;
  }

  public ChangesSpec withSource(String newSource, Map<String, Object> newParams) {
    return new ChangesSpec(
        location,
        newSource,
        newParams,
        records,
        type,
        object,
        upsert,
        delete,
        cursor,
        token,
        param,
        startAction,
        startField,
        lookback,
        newestFirst,
        retention,
        expired);
  }
}
