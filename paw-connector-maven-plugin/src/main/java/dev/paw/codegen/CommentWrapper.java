package dev.paw.codegen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps the Javadoc lines of a generated source at word boundaries. JavaPoet wraps code where the generator allows
 * it, but writes each Javadoc line as given, and descriptions come from connector files of any length.
 */
final class CommentWrapper {

  /** The column that Javadoc text wraps at, as JavaPoet's code does. */
  static final int WIDTH = 100;

  private static final Pattern JAVADOC_LINE = Pattern.compile("^(\\s*\\* )(.*)$");

  private CommentWrapper() {}

  /** {@code source} with every Javadoc line longer than {@link #WIDTH} broken into lines that fit. */
  static String wrap(String source) {
    StringBuilder out = new StringBuilder(source.length() + 256);
    for (String line : source.split("\n", -1)) {
      Matcher m = JAVADOC_LINE.matcher(line);
      if (line.length() <= WIDTH || !m.matches()) {
        out.append(line).append('\n');
        continue;
      }
      String prefix = m.group(1);
      StringBuilder current = new StringBuilder(prefix);
      for (String word : m.group(2).split(" ")) {
        if (current.length() > prefix.length() && current.length() + 1 + word.length() > WIDTH) {
          out.append(current).append('\n');
          current.setLength(0);
          current.append(prefix);
        }
        if (current.length() > prefix.length()) {
          current.append(' ');
        }
        current.append(word);
      }
      out.append(current).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
