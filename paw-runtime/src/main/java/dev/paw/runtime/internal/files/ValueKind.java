package dev.paw.runtime.internal.files;

/**
 * Where a value came from, when the source says more than its text: a reader marks each value with
 * one of these.
 */
final class ValueKind {

  /** Plain text (a CSV field, a JSON number or boolean): any shape it fits. */
  static final byte PLAIN = 0;

  /**
   * A value the source typed as text (a JSON string, an Excel text cell): it stays text, or a date.
   */
  static final byte STRING = 1;

  /**
   * A JSON number or boolean as written ({@code 1E2}, {@code -0.0}, {@code true}): any shape it
   * fits, like plain.
   */
  static final byte LITERAL = 2;

  private ValueKind() {}
}
