package dev.paw.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a connector authenticates.
 *
 * @param credentials what the user supplies when connecting, in file order
 * @param headers static headers sent with every request; values may hold {@code {CREDENTIAL}} placeholders
 * @param credential the credential that carries the key or token ({@code api_key}, {@code bearer}, {@code header},
 *     {@code cookie}, token-only {@code oauth2}); {@code null} when the method needs none
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
}
