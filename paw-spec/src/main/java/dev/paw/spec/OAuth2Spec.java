package dev.paw.spec;

import java.util.List;
import java.util.Map;

/**
 * OAuth 2 settings. Without them an {@code oauth2} connector (as PocketPaw writes them) sends a
 * ready-made access token from its credential as a bearer token.
 *
 * @param grant {@code authorization_code} or {@code client_credentials}
 * @param clientId the credential holding the client id
 * @param clientSecret the credential holding the client secret, or {@code null} for public clients
 * @param authorizationParams extra query parameters of the authorization URL (Google's {@code
 *     access_type: offline} asks for a refresh token)
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
    Map<String, String> authorizationParams) {

  public static final String AUTHORIZATION_CODE = "authorization_code";
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  public OAuth2Spec {
    scopes = List.copyOf(scopes);
    authorizationParams = Values.orderedCopy(authorizationParams);
  }

  /** A builder for this grant with no URLs, scopes, PKCE or client yet. */
  public static Builder builder(Location location, String grant) {
    return new Builder(location, grant);
  }

  /**
   * Builds a {@link OAuth2Spec}; every value not set keeps the default {@link #builder} describes.
   */
  public static final class Builder {
    private final Location location;
    private final String grant;
    private String authorizationUrl;
    private String tokenUrl;
    private String revokeUrl;
    private List<String> scopes = List.of();
    private boolean pkce;
    private String clientId;
    private String clientSecret;
    private Map<String, String> authorizationParams = Map.of();

    private Builder(Location location, String grant) {
      this.location = location;
      this.grant = grant;
    }

    public Builder authorizationUrl(String value) {
      authorizationUrl = value;
      return this;
    }

    public Builder tokenUrl(String value) {
      tokenUrl = value;
      return this;
    }

    public Builder revokeUrl(String value) {
      revokeUrl = value;
      return this;
    }

    public Builder scopes(List<String> value) {
      scopes = value;
      return this;
    }

    public Builder pkce(boolean value) {
      pkce = value;
      return this;
    }

    public Builder clientId(String value) {
      clientId = value;
      return this;
    }

    public Builder clientSecret(String value) {
      clientSecret = value;
      return this;
    }

    public Builder authorizationParams(Map<String, String> value) {
      authorizationParams = value;
      return this;
    }

    public OAuth2Spec build() {
      return new OAuth2Spec(
          location,
          grant,
          authorizationUrl,
          tokenUrl,
          revokeUrl,
          scopes,
          pkce,
          clientId,
          clientSecret,
          authorizationParams);
    }
  }
}
