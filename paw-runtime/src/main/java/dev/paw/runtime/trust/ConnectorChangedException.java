package dev.paw.runtime.trust;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A connection was refused because its connector's definition gives it more than the user approved
 * when connecting it (a lowered trust level, a new host, a new credential). Nothing was sent.
 */
public final class ConnectorChangedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<PinChange> changes;

  public ConnectorChangedException(String connector, String pocket, List<PinChange> changes) {
    super(
        "connector '"
            + connector
            + "' has changed since it was connected to pocket '"
            + pocket
            + "' ("
            + changes.stream()
                .filter(PinChange::loosens)
                .map(PinChange::toString)
                .collect(Collectors.joining("; "))
            + "); nothing was sent. Review the change with: paw connect "
            + connector
            + " --pocket \""
            + pocket
            + "\" --review");
    this.changes = List.copyOf(changes);
  }

  /** Every change, loosening or not. */
  public List<PinChange> changes() {
    return changes;
  }
}
