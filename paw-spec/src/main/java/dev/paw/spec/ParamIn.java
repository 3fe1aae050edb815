package dev.paw.spec;

/** Where a parameter's value goes in the request. */
public enum ParamIn {
  /** Fills a {@code {placeholder}} of the URL template. */
  PATH,
  /** Becomes a query parameter. */
  QUERY,
  /** Becomes a field of the request body (JSON or form). */
  BODY
}
