package dev.paw.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a connector authenticates.
 *
 * @param credentials what the user supplies when connecting, in file order
 * @param headers static headers sent with every request; values may hold {@code {CREDENTIAL}}
 *     placeholders
 * @param credential the credential that carries the key or token ({@code api_key}, {@code bearer},
 *     {@code header}, {@code cookie}, token-only {@code oauth2}); {@code null} when the method
 *     needs none
 * @param in for {@code api_key}: {@code header} or {@code query}
 * @param name the header, query parameter or cookie name the credential is sent in
 * @param prefix text put before the credential's value (e.g. {@code "Bearer "})
 * @param username for {@code basic}: the credential holding the user name
 * @param password for {@code basic}: the credential holding the password
 * @param oauth2 OAuth 2 endpoints and client, or {@code null}
 */
public record AuthSpec(
    Location location,
    AuthMethod method,
    List<CredentialSpec> credentials,
    Map<String, String> headers,
    String credential,
    String in,
    String name,
    String prefix,
    String username,
    String password,
    OAuth2Spec oauth2) {

  public static final String IN_HEADER = "header";
  public static final String IN_QUERY = "query";

  public AuthSpec {
    credentials = List.copyOf(credentials);
    headers = Values.orderedCopy(headers);
  }

  /** The credential of that name, if the connector declares one. */
  public Optional<CredentialSpec> credential(String credentialName) {
    return credentials.stream().filter(c -> c.name().equals(credentialName)).findFirst();
  }

  /** True when a credential of that name is declared. */
  public boolean hasCredential(String credentialName) {
    return credential(credentialName).isPresent();
  }

  /** A builder for this method with no credentials, headers or settings yet. */
  public static Builder builder(Location location, AuthMethod method) {
    return new Builder(location, method);
  }

  /**
   * Builds a {@link AuthSpec}; every value not set keeps the default {@link #builder} describes.
   */
  public static final class Builder {
    private final Location location;
    private final AuthMethod method;
    private List<CredentialSpec> credentials = List.of();
    private Map<String, String> headers = Map.of();
    private String credential;
    private String in;
    private String name;
    private String prefix;
    private String username;
    private String password;
    private OAuth2Spec oauth2;

    private Builder(Location location, AuthMethod method) {
      this.location = location;
      this.method = method;
    }

    public Builder credentials(List<CredentialSpec> value) {
      credentials = value;
      return this;
    }

    public Builder headers(Map<String, String> value) {
      headers = value;
      return this;
    }

    public Builder credential(String value) {
      credential = value;
      return this;
    }

    public Builder in(String value) {
      in = value;
      return this;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder prefix(String value) {
      prefix = value;
      return this;
    }

    public Builder username(String value) {
      username = value;
      return this;
    }

    public Builder password(String value) {
      password = value;
      return this;
    }

    public Builder oauth2(OAuth2Spec value) {
      oauth2 = value;
      return this;
    }

    public AuthSpec build() {
      return new AuthSpec(
          location,
          method,
          credentials,
          headers,
          credential,
          in,
          name,
          prefix,
          username,
          password,
          oauth2);
    }
  }
}
