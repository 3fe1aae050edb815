package dev.paw.spec;

/**
 * The method of an action: an HTTP verb, or {@link #LOCAL} for actions the runtime performs itself.
 */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE,
  LOCAL;

  /** True for the verbs that change data on the server. */
  public boolean isWrite() {
    return this == POST || this == PUT || this == PATCH || this == DELETE;
  }
}
