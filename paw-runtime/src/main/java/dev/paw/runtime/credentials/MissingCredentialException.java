package dev.paw.runtime.credentials;

/** A connection needs a credential that is neither stored nor in the environment. */
public final class MissingCredentialException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String credential;

  public MissingCredentialException(String credential, String context) {
    super("missing credential '" + credential + "'" + (context == null ? "" : " for " + context)
        + ": store it with 'paw connect' or set the environment variable " + credential);
    this.credential = credential;
  }

  /** The credential's name. */
  public String credential() {
    return credential;
  }
}
