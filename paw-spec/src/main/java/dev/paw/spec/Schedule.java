package dev.paw.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a sync runs by itself: {@code manual}, {@code hourly}, {@code daily}, or {@code every_<N>m},
 * {@code every_<N>h}, {@code every_<N>d}.
 *
 * @param text the schedule as written
 * @param interval the time between runs; {@code null} for {@code manual}
 */
public record Schedule(String text, Duration interval) {

  public static final Schedule MANUAL = new Schedule("manual", null);

  private static final Pattern EVERY = Pattern.compile("every_([1-9][0-9]{0,5})([mhd])");

  /** The schedules a connector file may name, for "did you mean" suggestions. */
  public static final List<String> EXAMPLES =
      List.of(
          "manual",
          "hourly",
          "daily",
          "every_5m",
          "every_15m",
          "every_30m",
          "every_1h",
          "every_6h",
          "every_1d");

  public boolean isManual() {
    return interval == null;
  }

  /**
   * The schedule a valid string names, for code that builds specs: {@code
   * Schedule.of("every_15m")}.
   *
   * @throws IllegalArgumentException when {@code text} is not one of the accepted forms
   */
  public static Schedule of(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a schedule"));
  }

  /** Parses a schedule string; empty when it is not one of the accepted forms. */
  public static Optional<Schedule> parse(String text) {
    switch (text) {
      case "manual":
        return Optional.of(MANUAL);
      case "hourly":
        return Optional.of(new Schedule(text, Duration.ofHours(1)));
      case "daily":
        return Optional.of(new Schedule(text, Duration.ofDays(1)));
      default:
        Matcher m = EVERY.matcher(text);
        if (!m.matches()) {
          return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        Duration interval =
            switch (m.group(2)) {
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
        return Optional.of(new Schedule(text, interval));
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
