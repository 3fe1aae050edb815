package dev.paw.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An action a connector offers: one HTTP request (or a {@code LOCAL} operation) with typed
 * parameters and a trust level.
 *
 * @param url the URL template; {@code null} for {@code LOCAL} actions and for PocketPaw actions
 *     that run elsewhere
 * @param params parameters that fill the URL or the query string
 * @param body parameters that form the request body
 * @param executionMode PocketPaw's {@code execution_mode}, kept as written
 * @param requiresBinary PocketPaw's {@code requires_binary}, kept as written
 * @param records where the records are in a list response ({@code null}: a top-level array, else
 *     {@code data}, else the first array field)
 * @param recordsOptional the API leaves the records field out of an empty answer (Gmail's {@code
 *     messages}): a page without it is an empty last page rather than an error
 * @param returns the declared fields of the action's answer ({@code returns}), each read from a
 *     field path like a column of a mapping; empty when the file declares none
 * @param rateLimit the action's own {@code rate_limit}, on top of the connector's, or {@code null}
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
    PaginationSpec pagination,
    List<ColumnSpec> returns,
    RateLimit rateLimit) {

  public ActionSpec {
    params = List.copyOf(params);
    body = List.copyOf(body);
    returns = List.copyOf(returns);
  }

  /** An action with no rate limit of its own. */
  public ActionSpec(
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
      PaginationSpec pagination,
      List<ColumnSpec> returns) {
    this(
        location,
        name,
        description,
        method,
        url,
        params,
        body,
        trustLevel,
        contentType,
        executionMode,
        requiresBinary,
        records,
        recordsOptional,
        pagination,
        returns,
        null);
  }

  /** An action that declares no answer fields. */
  public ActionSpec(
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
    this(
        location,
        name,
        description,
        method,
        url,
        params,
        body,
        trustLevel,
        contentType,
        executionMode,
        requiresBinary,
        records,
        recordsOptional,
        pagination,
        List.of());
  }

  /**
   * A builder for the action {@code name} written at {@code location}: a {@code GET} with no URL,
   * parameters or answer fields, trust level {@code auto}, a JSON body, and no paging (at the
   * action's location).
   */
  public static Builder builder(Location location, String name) {
    return new Builder(location, name);
  }

  /** A builder holding every value of this one, to change a few. */
  public Builder toBuilder() {
    return builder(location, name)
        .description(description)
        .method(method)
        .url(url)
        .params(params)
        .body(body)
        .trustLevel(trustLevel)
        .contentType(contentType)
        .executionMode(executionMode)
        .requiresBinary(requiresBinary)
        .records(records)
        .recordsOptional(recordsOptional)
        .pagination(pagination)
        .returns(returns)
        .rateLimit(rateLimit);
  }

  /** The same action with these declared answer fields. */
  public ActionSpec withReturns(List<ColumnSpec> newReturns) {
    return toBuilder().returns(newReturns).build();
  }

  public ActionSpec withParams(List<ParamSpec> newParams) {
    return toBuilder().params(newParams).build();
  }

  public ActionSpec withPagination(PaginationSpec newPagination) {
    return toBuilder().pagination(newPagination).build();
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

  /**
   * Builds an {@link ActionSpec}; every value not set keeps the default {@link #builder} describes.
   */
  public static final class Builder {
    private final Location location;
    private final String name;
    private String description;
    private HttpMethod method = HttpMethod.GET;
    private String url;
    private List<ParamSpec> params = List.of();
    private List<ParamSpec> body = List.of();
    private TrustLevel trustLevel = TrustLevel.AUTO;
    private ContentType contentType = ContentType.JSON;
    private String executionMode;
    private String requiresBinary;
    private String records;
    private boolean recordsOptional;
    private PaginationSpec pagination;
    private List<ColumnSpec> returns = List.of();
    private RateLimit rateLimit;

    private Builder(Location location, String name) {
      this.location = location;
      this.name = name;
      this.pagination = PaginationSpec.none(location);
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder method(HttpMethod value) {
      method = value;
      return this;
    }

    public Builder url(String value) {
      url = value;
      return this;
    }

    public Builder params(List<ParamSpec> value) {
      params = value;
      return this;
    }

    public Builder body(List<ParamSpec> value) {
      body = value;
      return this;
    }

    public Builder trustLevel(TrustLevel value) {
      trustLevel = value;
      return this;
    }

    public Builder contentType(ContentType value) {
      contentType = value;
      return this;
    }

    public Builder executionMode(String value) {
      executionMode = value;
      return this;
    }

    public Builder requiresBinary(String value) {
      requiresBinary = value;
      return this;
    }

    public Builder records(String value) {
      records = value;
      return this;
    }

    public Builder recordsOptional(boolean value) {
      recordsOptional = value;
      return this;
    }

    public Builder pagination(PaginationSpec value) {
      pagination = value;
      return this;
    }

    public Builder returns(List<ColumnSpec> value) {
      returns = value;
      return this;
    }

    public Builder rateLimit(RateLimit value) {
      rateLimit = value;
      return this;
    }

    public ActionSpec build() {
      return new ActionSpec(
          location,
          name,
          description,
          method,
          url,
          params,
          body,
          trustLevel,
          contentType,
          executionMode,
          requiresBinary,
          records,
          recordsOptional,
          pagination,
          returns,
          rateLimit);
    }
  }
}
