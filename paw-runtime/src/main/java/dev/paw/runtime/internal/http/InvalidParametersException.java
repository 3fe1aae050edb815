package dev.paw.runtime.internal.http;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parameters of an action call are wrong: missing, of the wrong type, outside the enum,
 * unknown, or unusable in the URL. Thrown before anything is sent, with every problem at once.
 * Messages name parameters, never echo secret values.
 */
public final class InvalidParametersException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** One problem with one parameter. */
  public record Problem(String parameter, String message) {
    @Override
    public String toString() {
      return message;
    }
  }

  private final String action;
  private final transient List<Problem> problems;

  public InvalidParametersException(String action, List<Problem> problems) {
    super(
        "invalid parameters for action '"
            + action
            + "': "
            + problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
    this.action = action;
    this.problems = List.copyOf(problems);
  }

  public String action() {
    return action;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The names of the parameters with problems, in order. */
  public List<String> parameters() {
    return problems.stream().map(Problem::parameter).distinct().toList();
  }
}
