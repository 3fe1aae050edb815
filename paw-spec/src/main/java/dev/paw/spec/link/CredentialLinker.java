package dev.paw.spec.link;

import dev.paw.spec.AuthSpec;
import dev.paw.spec.CredentialSpec;
import dev.paw.spec.OAuth2Spec;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.CredentialReference;
import dev.paw.spec.read.CredentialTemplate;
import dev.paw.spec.read.ReadConnector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves every name of a credential the file writes: auth settings that name one ({@code
 * credential}, {@code client_id}) and placeholders of texts sent with each request (header values,
 * OAuth URLs, {@code base_url}). A setting that names no declared credential is reported and
 * cleared, so that later passes infer as if it were absent.
 */
final class CredentialLinker {

  private final Diagnostics diagnostics;

  CredentialLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  AuthSpec link(ReadConnector read) {
    AuthSpec auth = read.connector().auth();
    List<String> names = auth.credentials().stream().map(CredentialSpec::name).toList();
    Set<String> undeclared = new HashSet<>();
    for (CredentialReference reference : read.credentialReferences()) {
      if (!names.contains(reference.name())) {
        diagnostics.error(
            reference.location(),
            "'"
                + reference.key()
                + "' "
                + reference.context()
                + " names the"
                + " credential '"
                + reference.name()
                + "', which is not declared under credentials"
                + Wording.hintOrDeclared(reference.name(), names));
        undeclared.add(reference.key());
      }
    }
    for (CredentialTemplate template : read.credentialTemplates()) {
      for (String placeholder : template.placeholders()) {
        if (!names.contains(placeholder)) {
          diagnostics.error(
              template.location(),
              "placeholder '{"
                  + placeholder
                  + "}' in "
                  + template.what()
                  + " matches no credential"
                  + Wording.didYouMean(placeholder, names));
        }
      }
    }
    return undeclared.isEmpty() ? auth : without(auth, undeclared);
  }

  /** {@code auth} without the settings (by key) that name undeclared credentials. */
  private static AuthSpec without(AuthSpec auth, Set<String> keys) {
    OAuth2Spec o = auth.oauth2();
    OAuth2Spec oauth2 =
        o == null
            ? null
            : new OAuth2Spec(
                o.location(),
                o.grant(),
                o.authorizationUrl(),
                o.tokenUrl(),
                o.revokeUrl(),
                o.scopes(),
                o.pkce(),
                keys.contains("client_id") ? null : o.clientId(),
                keys.contains("client_secret") ? null : o.clientSecret(),
                o.authorizationParams());
    return new AuthSpec(
        auth.location(),
        auth.method(),
        auth.credentials(),
        auth.headers(),
        keys.contains("credential") ? null : auth.credential(),
        auth.in(),
        auth.name(),
        auth.prefix(),
        keys.contains("username") ? null : auth.username(),
        keys.contains("password") ? null : auth.password(),
        oauth2);
  }
}
