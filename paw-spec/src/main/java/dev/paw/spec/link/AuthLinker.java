package dev.paw.spec.link;

import dev.paw.spec.AuthMethod;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.diagnostic.Diagnostics;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides where the credential goes when the file does not say: which credential is the key or
 * token, which two form basic auth, and the header, prefix or query parameter that carry them.
 * PocketPaw files never say, so the choices follow the credentials' names, and a warning explains
 * any guess the user may want to pin.
 */
final class AuthLinker {

  private static final Pattern TOKEN = Pattern.compile("(^|.*_)(TOKEN|KEY|SECRET|APIKEY|PAT)$");
  private static final Pattern USER =
      Pattern.compile("(^|.*_)(USER|USERNAME|EMAIL|LOGIN|ACCOUNT_ID|CLIENT_ID)$");
  private static final Pattern PASSWORD =
      Pattern.compile("(^|.*_)(PASSWORD|PASS|TOKEN|KEY|SECRET)$");

  private final Diagnostics diagnostics;

  AuthLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  AuthSpec link(AuthSpec auth) {
    AuthMethod method = auth.method();
    return switch (method) {
      case NONE -> auth;
      case BASIC -> basic(auth);
      case OAUTH2 ->
          auth.oauth2() != null ? auth : carrier(auth, "header", "Authorization", "Bearer ");
      case BEARER -> carrier(auth, "header", "Authorization", "Bearer ");
      case HEADER -> header(auth);
      case COOKIE -> auth.name() == null ? auth : carrier(auth, "header", auth.name(), "");
      case API_KEY -> apiKey(auth);
    };
  }

  private AuthSpec apiKey(AuthSpec auth) {
    String in = auth.in() == null ? AuthSpec.IN_HEADER : auth.in();
    String name = auth.name();
    if (name == null && in.equals(AuthSpec.IN_QUERY)) {
      return auth; // the reader reported the missing name
    }
    if (name == null) {
      name = "Authorization";
      if (auth.prefix() == null) {
        diagnostics.warning(
            auth.location(),
            "api_key auth does not say where the key goes; sending it as"
                + " 'Authorization: Bearer <key>' (set auth.in, auth.name and auth.prefix to change that)");
      }
    }
    String prefix =
        auth.prefix() != null
            ? auth.prefix()
            : name.equalsIgnoreCase("Authorization") ? "Bearer " : "";
    return carrier(auth, in, name, prefix);
  }

  private AuthSpec header(AuthSpec auth) {
    if (auth.name() == null) {
      return auth; // the reader reported the missing header name
    }
    return carrier(auth, "header", auth.name(), auth.prefix() == null ? "" : auth.prefix());
  }

  /** Completes a method that sends one credential in one place. */
  private AuthSpec carrier(AuthSpec auth, String in, String name, String prefix) {
    String credential = auth.credential();
    if (credential == null) {
      credential = pick(auth.credentials(), TOKEN).orElse(null);
      if (credential == null) {
        diagnostics.warning(
            auth.location(),
            auth.method().wireName()
                + " auth has no credential to send (declare one"
                + " under credentials)");
      }
    }
    String finalPrefix = auth.prefix() != null ? auth.prefix() : prefix;
    return new AuthSpec(
        auth.location(),
        auth.method(),
        auth.credentials(),
        auth.headers(),
        credential,
        auth.in() == null ? in : auth.in(),
        name,
        finalPrefix,
        null,
        null,
        auth.oauth2());
  }

  private AuthSpec basic(AuthSpec auth) {
    String username =
        auth.username() != null ? auth.username() : named(auth.credentials(), USER, null);
    String password =
        auth.password() != null ? auth.password() : named(auth.credentials(), PASSWORD, username);
    if (username == null || password == null) {
      diagnostics.warning(
          auth.location(),
          "basic auth cannot tell which credentials are the user name and password;"
              + " set auth.username and auth.password");
    }
    return new AuthSpec(
        auth.location(),
        auth.method(),
        auth.credentials(),
        auth.headers(),
        null,
        null,
        null,
        null,
        username,
        password,
        null);
  }

  /**
   * The credential that carries a key or token: the first whose name says so, else the only
   * required one, else the first.
   */
  private static Optional<String> pick(List<CredentialSpec> credentials, Pattern pattern) {
    Optional<String> byName =
        credentials.stream()
            .map(CredentialSpec::name)
            .filter(n -> pattern.matcher(n).matches())
            .findFirst();
    if (byName.isPresent()) {
      return byName;
    }
    List<CredentialSpec> required = credentials.stream().filter(CredentialSpec::required).toList();
    if (required.size() == 1) {
      return Optional.of(required.get(0).name());
    }
    return credentials.stream().map(CredentialSpec::name).findFirst();
  }

  private static String named(List<CredentialSpec> credentials, Pattern pattern, String except) {
    return credentials.stream()
        .map(CredentialSpec::name)
        .filter(n -> pattern.matcher(n).matches() && !n.equals(except))
        .findFirst()
        .orElse(null);
  }
}
