package dev.paw.spec.yaml;

import dev.paw.spec.Schedule;
import dev.paw.spec.diagnostic.Wording;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a stream's {@code schedule}, with the fix for a likely slip. */
final class ScheduleReader {

  private static final Pattern EVERY = Pattern.compile("every_([0-9]+)([mhd]?)");

  private final YamlReader reader;

  ScheduleReader(YamlReader reader) {
    this.reader = reader;
  }

  /** The schedule of {@code what}; manual when absent or unusable (reported). */
  Schedule read(YamlMapping s, String what) {
    Node node = s.present("schedule");
    if (node == null) {
      return Schedule.MANUAL;
    }
    String text = reader.string(node, "'schedule' of " + what);
    if (text == null) {
      return Schedule.MANUAL;
    }
    return Schedule.parse(text)
        .orElseGet(
            () -> {
              reader.error(node, scheduleProblem(text, what));
              return Schedule.MANUAL;
            });
  }

  /** Why {@code text} is not a schedule, with the fix when one is likely. */
  private static String scheduleProblem(String text, String what) {
    String normalised = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    if (Schedule.parse(normalised).isPresent()) {
      return "unknown schedule '" + text + "' in " + what + " (did you mean '" + normalised + "'?)";
    }
    Matcher every = EVERY.matcher(normalised);
    if (every.matches() && every.group(2).isEmpty()) {
      String n = every.group(1);
      return "schedule '"
          + text
          + "' in "
          + what
          + " has no unit (write every_"
          + n
          + "m, every_"
          + n
          + "h or every_"
          + n
          + "d)";
    }
    if (every.matches()) {
      String unit =
          switch (every.group(2)) {
            case "m" -> "minute";
            case "h" -> "hour";
            default -> "day";
          };
      return "schedule '"
          + text
          + "' in "
          + what
          + (every.group(1).matches("0+")
              ? " must wait at least 1 "
                  + unit
                  + " between runs (e.g. every_1"
                  + every.group(2)
                  + ")"
              : " must count " + unit + "s from 1 to 999999, without leading zeros");
    }
    String hint = Wording.didYouMean(text, Schedule.EXAMPLES);
    return "unknown schedule '"
        + text
        + "' in "
        + what
        + (hint.isEmpty()
            ? " (expected manual, hourly, daily or every_<N>m, every_<N>h, every_<N>d, e.g. every_15m)"
            : hint);
  }
}
