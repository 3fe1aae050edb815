package dev.paw.spec.yaml;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns SnakeYAML's syntax errors into messages that say what is wrong in the words of the person
 * who wrote it.
 */
final class YamlSyntaxMessages {

  private YamlSyntaxMessages() {}

  /** The message for a syntax error, without the {@code YAML syntax error: } prefix. */
  static String describe(MarkedYAMLException e) {
    String problem = firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
    String context = e.getContext() == null ? null : firstLine(e.getContext());
    if (problem.contains("(TAB)")) {
      return "a tab cannot indent YAML; indent with spaces";
    }
    if (problem.startsWith("expected <block end>")) {
      return "this line is indented differently from the keys or list items above it ("
          + problem
          + ")";
    }
    if (problem.equals("but found another document")) {
      return "a connector file holds one YAML document, but '---' starts another";
    }
    if (problem.equals("mapping values are not allowed here")) {
      return "mapping values are not allowed here (a value that contains ': ' must be quoted)";
    }
    if (problem.startsWith("but ") && context != null) {
      return context + ", " + problem;
    }
    return problem;
  }

  private static String firstLine(String message) {
    String text = message == null ? "unreadable document" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
