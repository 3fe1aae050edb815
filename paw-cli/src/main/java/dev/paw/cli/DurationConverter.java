package dev.paw.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them ({@code 90s}, {@code 5m}, {@code 12h}, {@code 7d}), or in ISO-8601
 * ({@code PT5M}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

  @Override
  public Duration convert(String text) {
    Duration duration = parse(text);
    if (duration == null) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration: write it as 90s, 5m, 12h, 7d or PT5M");
    }
    return duration;
  }

  /** The duration {@code text} names, or {@code null} when it names none. */
  static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
