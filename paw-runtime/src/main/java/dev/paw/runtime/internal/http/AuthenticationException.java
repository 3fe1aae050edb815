package dev.paw.runtime.internal.http;

import java.io.IOException;

/**
 * A request cannot be authenticated: a credential is missing or unusable, or the OAuth 2 token
 * endpoint refused. An {@link IOException} so that OkHttp reports it through the call like any
 * other failure. The message names credentials, never their values.
 */
public final class AuthenticationException extends IOException {

  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
