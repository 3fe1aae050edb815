package dev.paw.spec.read;

import dev.paw.spec.ConnectorSpec;
import java.util.List;

/**
 * A connector file as the readers understood it, before linking.
 *
 * @param connector the connector as written: its auth names credentials as written, its actions and
 *     streams are {@link #actions} and the kept {@link #streams}; its name is {@code null} when the
 *     file has none (it is still checked, but never completed)
 * @param credentialReferences every auth setting that names a credential
 * @param credentialTemplates every text sent with requests whose placeholders must be credentials
 */
public record ReadConnector(
    ConnectorSpec connector,
    List<CredentialReference> credentialReferences,
    List<CredentialTemplate> credentialTemplates,
    List<ReadAction> actions,
    List<ReadStream> streams) {

  public ReadConnector {
    credentialReferences = List.copyOf(credentialReferences);
    credentialTemplates = List.copyOf(credentialTemplates);
    actions = List.copyOf(actions);
    streams = List.copyOf(streams);
  }
}
