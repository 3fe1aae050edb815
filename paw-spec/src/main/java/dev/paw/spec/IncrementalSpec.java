package dev.paw.spec;

/**
 * Incremental sync: later runs ask only for records whose cursor is at least the highest one already stored.
 *
 * @param cursor the dotted path of the cursor field in the API record ({@code created}, {@code updated_at})
 * @param param the request parameter that filters by it ({@code created[gte]}, {@code since})
 */
public record IncrementalSpec(Location location, String cursor, String param) {}
