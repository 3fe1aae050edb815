package dev.paw.spec.diagnostic;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Wording that many diagnostics share, kept in one place so that every message says it the same
 * way: the closest known word for a misspelt one (as compilers suggest it), the allowed values when
 * nothing is close, and articles before type names.
 */
public final class Wording {

  private Wording() {}

  /** The closest candidate within a small edit distance, if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, word.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String other = candidate.toLowerCase(Locale.ROOT);
      if (Math.abs(other.length() - lower.length()) > allowed) {
        continue; // the distance is at least the difference in length: too far, whatever the
        // letters
      }
      int distance = distance(lower, other);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** {@code " (did you mean 'x'?)"}, or nothing. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /** A "did you mean" when one is close, else the list of allowed values. */
  public static String hintOrList(String word, List<String> candidates, List<String> allowed) {
    String hint = didYouMean(word, candidates);
    return hint.isEmpty() ? " (expected one of " + String.join(", ", allowed) + ")" : hint;
  }

  /**
   * A "did you mean" when a declared name is close, else the declared names, or that there are
   * none.
   */
  public static String hintOrDeclared(String word, List<String> names) {
    String hint = didYouMean(word, names);
    if (!hint.isEmpty()) {
      return hint;
    }
    return names.isEmpty() ? " (none are)" : " (declared: " + String.join(", ", names) + ")";
  }

  /**
   * A type name with its article: {@code a string}, {@code an integer}; {@code null} stays {@code
   * null}.
   */
  public static String article(String typeName) {
    return switch (typeName) {
      case "integer", "object", "array" -> "an " + typeName;
      case "null" -> "null";
      default -> "a " + typeName;
    };
  }

  /** A type name in the plural, as in {@code its items are integers}. */
  public static String plural(String typeName) {
    return typeName + "s";
  }

  /**
   * That an array holds an element not of its {@code items} type: {@code holds a value that is not
   * an integer (its items are integers)}; {@code declaredBy} (an action) is named when the array
   * was given elsewhere.
   */
  public static String notOfItems(String itemTypeName, String declaredBy) {
    return "holds a value that is not "
        + article(itemTypeName)
        + " (its items are "
        + plural(itemTypeName)
        + (declaredBy == null ? ")" : ", as " + declaredBy + " declares them)");
  }

  /** What a connector says when one pass over a record cannot read all of {@code what}'s fields. */
  public static String notOnePass(String what, String conflict) {
    return what + " cannot read its fields in one pass: " + conflict;
  }

  /**
   * Optimal string alignment distance: Levenshtein plus adjacent transpositions ("levle" is one
   * edit from "level"). Three rows of the table at a time, so a long word costs time in proportion
   * to its length, not memory.
   */
  static int distance(String a, String b) {
    int[] beforeLast = new int[b.length() + 1];
    int[] last = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      last[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          row[j] = Math.min(row[j], beforeLast[j - 2] + 1);
        }
      }
      int[] free = beforeLast;
      beforeLast = last;
      last = row;
      row = free;
    }
    return last[b.length()];
  }
}
