package dev.paw.runtime.credentials;

import dev.paw.runtime.internal.credentials.EnvironmentCredentialStore;

/** A connection needs a credential that is neither stored nor in the environment. */
public final class MissingCredentialException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String credential;

  public MissingCredentialException(String credential, String context) {
    super(
        "missing credential '"
            + credential
            + "'"
            + (context == null ? "" : " for " + context)
            + ": store it with 'paw connect'");
    this.credential = credential;
  }

  /**
   * Also names the environment variable the connector reads it from ({@code PAW_SHOP_TOKEN},
   * STRIPE_API_KEY).
   */
  public MissingCredentialException(String credential, String connector, String context) {
    super(
        "missing credential '"
            + credential
            + "'"
            + (context == null ? "" : " for " + context)
            + ": store it with 'paw connect'"
            + hint(connector, credential));
    this.credential = credential;
  }

  static String hint(String connector, String credential) {
    String variable = EnvironmentCredentialStore.variableFor(connector, credential);
    return variable == null ? "" : " or set the environment variable " + variable;
  }

  /** The credential's name. */
  public String credential() {
    return credential;
  }
}
