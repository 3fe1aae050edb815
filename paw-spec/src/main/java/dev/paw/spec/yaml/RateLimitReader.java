package dev.paw.spec.yaml;

import dev.paw.spec.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code rate_limit: { requests: 100, per: 1s }} at the top level or in an action: a whole
 * number of requests and a period in seconds, minutes, hours or days.
 */
final class RateLimitReader {

  static final String KEY = "rate_limit";
  static final List<String> KEYS = List.of("requests", "per");
  static final List<String> UNITS = List.of("s", "m", "h", "d");

  /** More would be no limit at all; a typo such as an extra zero is more likely. */
  static final long MAX_REQUESTS = 1_000_000;

  private static final Pattern PERIOD = Pattern.compile("([0-9]+)\\s*([A-Za-z]*)");

  private final YamlReader reader;

  RateLimitReader(YamlReader reader) {
    this.reader = reader;
  }

  /** The {@code rate_limit} of {@code mapping}; {@code null} when absent or unusable (reported). */
  RateLimit read(YamlMapping mapping, String what) {
    Node node = mapping.present(KEY);
    if (node == null) {
      return null;
    }
    YamlMapping r = reader.mapping(node, "'rate_limit' of " + what, "in the rate_limit of " + what);
    if (r == null) {
      return null;
    }
    r.checkKeys(KEYS);
    if (!KEYS.containsAll(r.keys())) {
      return null; // a misspelt key is reported above; "has no 'requests'" would only repeat it
    }
    Long requests = requests(r, what);
    Duration per = per(r, what);
    return requests == null || per == null ? null : new RateLimit(requests, per);
  }

  private Long requests(YamlMapping r, String what) {
    Node node = r.present("requests");
    if (node == null) {
      reader.error(
          r.node(),
          "the rate_limit of "
              + what
              + " has no 'requests' (how many requests per period, e.g. requests: 100)");
      return null;
    }
    Long requests = reader.integer(node, "'requests' of the rate_limit of " + what);
    if (requests == null) {
      return null;
    }
    if (requests < 1 || requests > MAX_REQUESTS) {
      reader.error(
          node,
          "'requests' of the rate_limit of "
              + what
              + " must be from 1 to "
              + MAX_REQUESTS
              + ", not "
              + requests);
      return null;
    }
    return requests;
  }

  /** Spelt-out units people write, by the letter paw reads. */
  private static final Map<String, String> WORDS =
      Map.of(
          "s", "sec secs second seconds",
          "m", "min mins minute minutes",
          "h", "hr hrs hour hours",
          "d", "day days");

  private static String hint(String amount, String unit) {
    String lower = unit.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> word : WORDS.entrySet()) {
      if (UNITS.contains(lower) && lower.equals(word.getKey())
          || List.of(word.getValue().split(" ")).contains(lower)) {
        return " (did you mean '" + amount + word.getKey() + "'?)";
      }
    }
    return " (expected s, m, h or d, e.g. 1s)";
  }

  private Duration per(YamlMapping r, String what) {
    Node node = r.present("per");
    if (node == null) {
      reader.error(
          r.node(),
          "the rate_limit of " + what + " has no 'per' (the period, e.g. per: 1s, 1m, 1h or 1d)");
      return null;
    }
    Object value = reader.scalarValue(node);
    String text = value == null ? null : String.valueOf(value).strip();
    String problem = "'per' of the rate_limit of " + what;
    Matcher m = text == null ? null : PERIOD.matcher(text);
    if (m == null || !m.matches()) {
      reader.error(
          node,
          problem
              + " must be a number and a unit (s, m, h or d, e.g. 1s), not "
              + reader.describe(node));
      return null;
    }
    String unit = m.group(2);
    if (unit.isEmpty()) {
      reader.error(node, problem + " has no unit (write " + m.group(1) + "s, 1m, 1h or 1d)");
      return null;
    }
    if (unit.equals("ms")) {
      reader.error(
          node,
          problem
              + " must be at least 1s, not '"
              + text
              + "': count requests per second instead (e.g. requests: 10, per: 1s)");
      return null;
    }
    if (!UNITS.contains(unit)) {
      reader.error(node, "unknown unit '" + unit + "' in " + problem + hint(m.group(1), unit));
      return null;
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      amount = -1;
    }
    if (amount < 1 || amount > 999_999) {
      reader.error(node, problem + " must count from 1 to 999999 " + unit + ", not '" + text + "'");
      return null;
    }
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
