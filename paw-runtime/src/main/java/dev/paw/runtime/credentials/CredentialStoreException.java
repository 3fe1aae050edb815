package dev.paw.runtime.credentials;

/**
 * A credential store cannot be read, decrypted or written. Its message names credentials, never
 * their values.
 */
public final class CredentialStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CredentialStoreException(String message) {
    super(message);
  }

  public CredentialStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
