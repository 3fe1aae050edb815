package dev.paw.runtime.credentials;

import dev.paw.runtime.internal.credentials.EnvironmentCredentialStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A connection needs credentials that are neither stored nor in the environment. */
public final class MissingCredentialException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String credential;

  private final ArrayList<String> credentials;

  public MissingCredentialException(String credential, String context) {
    this(List.of(credential), null, context);
  }

  /**
   * Also names the environment variable the connector reads it from ({@code PAW_SHOP_TOKEN},
   * STRIPE_API_KEY).
   */
  public MissingCredentialException(String credential, String connector, String context) {
    this(List.of(credential), connector, context);
  }

  /**
   * Every credential {@code connector} misses, in order, with the environment variables it reads
   * them from.
   *
   * @param context what needs them ("connector 'shop' in pocket 'My Business'"), or {@code null}
   */
  public MissingCredentialException(List<String> credentials, String connector, String context) {
    super(message(credentials, connector, context));
    this.credentials = new ArrayList<>(credentials);
    this.credential = credentials.get(0);
  }

  private static String message(List<String> credentials, String connector, String context) {
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("no credential is missing");
    }
    boolean one = credentials.size() == 1;
    StringBuilder message =
        new StringBuilder(one ? "missing credential " : "missing credentials ")
            .append(enumerate(credentials.stream().map(c -> "'" + c + "'").toList()));
    if (context != null) {
      message.append(" for ").append(context);
    }
    message
        .append(": store ")
        .append(one ? "it" : "them")
        .append(" with ScopedCredentials.put (paw connect at the command line)");
    List<String> variables =
        connector == null
            ? List.of()
            : credentials.stream()
                .map(c -> EnvironmentCredentialStore.variableFor(connector, c))
                .filter(Objects::nonNull)
                .toList();
    if (!variables.isEmpty()) {
      message
          .append(" or set the environment ")
          .append(variables.size() == 1 ? "variable " : "variables ")
          .append(enumerate(variables));
    }
    return message.toString();
  }

  /** "a", "a and b", "a, b and c". */
  private static String enumerate(List<String> items) {
    int last = items.size() - 1;
    return last == 0
        ? items.get(0)
        : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
  }

  /** The (first) missing credential's name. */
  public String credential() {
    return credential;
  }

  /** Every missing credential's name. */
  public List<String> credentials() {
    return List.copyOf(credentials);
  }
}
