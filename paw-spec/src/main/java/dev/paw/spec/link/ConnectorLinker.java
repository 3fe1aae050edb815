package dev.paw.spec.link;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.diagnostic.Diagnostics;
import java.util.List;

/**
 * Links a connector read from YAML: fills in what the file leaves implicit (auth placement, sync sources, primary
 * keys) and reports what only the whole connector can show. Its output is the model the generator and the runtime
 * use.
 */
public final class ConnectorLinker {

  private final Diagnostics diagnostics;

  public ConnectorLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public ConnectorSpec link(ConnectorSpec spec) {
    ConnectorSpec withAuth = spec.withAuth(new AuthLinker(diagnostics).link(spec.auth()));
    StreamLinker streams = new StreamLinker(diagnostics);
    List<StreamSpec> linked = withAuth.streams().stream().map(s -> streams.link(s, withAuth)).toList();
    return withAuth.withStreams(linked);
  }
}
