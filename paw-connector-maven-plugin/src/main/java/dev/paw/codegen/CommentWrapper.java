package dev.paw.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps the Javadoc lines of a generated source at word boundaries. JavaPoet wraps code where the
 * generator allows it, but writes each Javadoc line as given, and descriptions come from connector
 * files of any length.
 */
final class CommentWrapper {

  /** The column that Javadoc text wraps at, as JavaPoet's code does. */
  static final int WIDTH = 100;

  private static final Pattern JAVADOC_LINE = Pattern.compile("^(\\s*\\* )(.*)$");

  private CommentWrapper() {}

  /**
   * {@code source} with every Javadoc line longer than {@link #WIDTH} broken into lines that fit.
   */
  static String wrap(String source) {
    StringBuilder out = new StringBuilder(source.length() + 256);
    for (String line : source.split("\n", -1)) {
      Matcher m = JAVADOC_LINE.matcher(line);
      if (line.length() <= WIDTH || !m.matches()) {
        out.append(line).append('\n');
        continue;
      }
      String first = m.group(1);
      String prefix =
          m.group(2).startsWith("@") ? first + "    " : first; // block tags continue indented
      StringBuilder current = new StringBuilder(first);
      boolean empty = true;
      for (String word : words(m.group(2))) {
        if (!empty && current.length() + 1 + word.length() > WIDTH) {
          out.append(current).append('\n');
          current.setLength(0);
          current.append(prefix);
          empty = true;
        }
        current.append(empty ? "" : " ").append(word);
        empty = false;
      }
      out.append(current).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /**
   * The line's words, an inline tag's name kept with the word after it ({@code {@code null}} is
   * never split).
   */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    String pending = null;
    for (String word : text.split(" ")) {
      String joined = pending == null ? word : pending + " " + word;
      pending = null;
      if (joined.endsWith("{@code") || joined.endsWith("{@link")) {
        pending = joined;
      } else {
        words.add(joined);
      }
    }
    if (pending != null) {
      words.add(pending);
    }
    return words;
  }
}
