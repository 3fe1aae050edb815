package dev.paw.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An action a connector offers: one HTTP request (or a {@code LOCAL} operation) with typed parameters and a trust
 * level.
 *
 * @param url the URL template; {@code null} for {@code LOCAL} actions and for PocketPaw actions that run elsewhere
 * @param params parameters that fill the URL or the query string
 * @param body parameters that form the request body
 * @param executionMode PocketPaw's {@code execution_mode}, kept as written
 * @param requiresBinary PocketPaw's {@code requires_binary}, kept as written
 * @param records where the records are in a list response ({@code null}: a top-level array, else {@code data},
 *     else the first array field)
 * @param recordsOptional the API leaves the records field out of an empty answer (Gmail's {@code messages}): a
 *     page without it is an empty last page rather than an error
 */
public record ActionSpec(
    Location location,
    String name,
    String description,
    HttpMethod method,
    String url,
    List<ParamSpec> params,
    List<ParamSpec> body,
    TrustLevel trustLevel,
    ContentType contentType,
    String executionMode,
    String requiresBinary,
    String records,
    boolean recordsOptional,
    PaginationSpec pagination) {

  public ActionSpec {
    params = List.copyOf(params);
    body = List.copyOf(body);
  }

  public ActionSpec withParams(List<ParamSpec> newParams) {
    return new ActionSpec(location, name, description, method, url, newParams, body, trustLevel, contentType,
        executionMode, requiresBinary, records, recordsOptional, pagination);
  }

  public ActionSpec withPagination(PaginationSpec newPagination) {
    return new ActionSpec(location, name, description, method, url, params, body, trustLevel, contentType,
        executionMode, requiresBinary, records, recordsOptional, newPagination);
  }

  /** Every parameter, URL and query ones first, then the body's. */
  public List<ParamSpec> allParams() {
    List<ParamSpec> all = new ArrayList<>(params);
    all.addAll(body);
    return all;
  }

  /** The parameter of that wire name, wherever it goes. */
  public Optional<ParamSpec> param(String wireName) {
    return allParams().stream().filter(p -> p.name().equals(wireName)).findFirst();
  }

  /** The parsed URL template, when the action has a valid one. */
  public Optional<UrlTemplate> urlTemplate() {
    return url == null ? Optional.empty() : Optional.ofNullable(UrlTemplate.parse(url).template());
  }
}
