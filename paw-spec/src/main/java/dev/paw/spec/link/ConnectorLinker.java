package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.AuthSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.read.ReadAction;
import dev.paw.spec.read.ReadConnector;
import dev.paw.spec.read.ReadStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Links a connector as read from its file into the model the generator and the runtime use, in
 * ordered passes that each report every problem they find and go on:
 *
 * <ol>
 *   <li>resolve names of credentials ({@link CredentialLinker});
 *   <li>resolve URLs against {@code base_url} and their placeholders, deciding which parameters go
 *       in the path ({@link UrlPlaceholderLinker}), fit each action's pagination to its URL and
 *       parameters ({@link PaginationLinker}), and check that its declared answer fields can be
 *       read in one pass ({@link ReturnsLinker});
 *   <li>resolve what each stream names: source, its parameters (of the source's types, an array's
 *       elements of its {@code items} type), primary key, {@code each} ({@link
 *       StreamReferenceLinker});
 *   <li>complete what the file leaves implicit: where the credential goes ({@link AuthLinker}),
 *       each stream's source and key, and what only the whole connector can show ({@link
 *       StreamLinker}).
 * </ol>
 *
 * <p>The resolving passes run on every file, so that every reference is checked; completion needs a
 * named connector.
 */
public final class ConnectorLinker {

  private final Diagnostics diagnostics;

  public ConnectorLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The linked connector, or {@code null} when the file names none (its problems are reported all
   * the same).
   */
  public ConnectorSpec link(ReadConnector read) {
    AuthSpec auth = new CredentialLinker(diagnostics).link(read);
    UrlPlaceholderLinker urls = new UrlPlaceholderLinker(diagnostics);
    PaginationLinker paging = new PaginationLinker(diagnostics);
    ReturnsLinker returns = new ReturnsLinker(diagnostics);
    List<ActionSpec> actions = new ArrayList<>();
    for (ReadAction action : read.actions()) {
      returns.check(action);
      UrlTemplate url = urls.template(action, read.connector().baseUrl());
      ActionSpec placed = urls.link(action, url, auth);
      actions.add(placed.withPagination(paging.link(placed, url)));
    }
    StreamReferenceLinker references = new StreamReferenceLinker(diagnostics);
    List<StreamSpec> resolved = new ArrayList<>();
    List<ReadStream> kept = new ArrayList<>();
    for (ReadStream stream : read.streams()) {
      StreamSpec linked = references.link(stream, actions);
      if (stream.kept()) {
        resolved.add(linked);
        kept.add(stream);
      }
    }
    if (read.connector().name() == null) {
      return null;
    }
    ConnectorSpec connector =
        read.connector()
            .withAuth(new AuthLinker(diagnostics).link(auth))
            .withActions(actions)
            .withStreams(resolved);
    StreamLinker streams = new StreamLinker(diagnostics);
    List<StreamSpec> completed = new ArrayList<>();
    for (int i = 0; i < resolved.size(); i++) {
      completed.add(streams.link(resolved.get(i), kept.get(i), connector));
    }
    return connector.withStreams(completed);
  }
}
