package dev.paw.spec;

import java.util.List;

/**
 * OAuth 2 settings. Without them an {@code oauth2} connector (as PocketPaw writes them) sends a ready-made access
 * token from its credential as a bearer token.
 *
 * @param grant {@code authorization_code} or {@code client_credentials}
 * @param clientId the credential holding the client id
 * @param clientSecret the credential holding the client secret, or {@code null} for public clients
 * @param authorizationParams extra query parameters of the authorization URL (Google's {@code access_type: offline}
 *     asks for a refresh token)
 */
public record OAuth2Spec(
    Location location,
    String grant,
    String authorizationUrl,
    String tokenUrl,
    String revokeUrl,
    List<String> scopes,
    boolean pkce,
    String clientId,
    String clientSecret,
    java.util.Map<String, String> authorizationParams) {

  public static final String AUTHORIZATION_CODE = "authorization_code";
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  public OAuth2Spec {
    scopes = List.copyOf(scopes);
    authorizationParams = Values.orderedCopy(authorizationParams);
  }
}
