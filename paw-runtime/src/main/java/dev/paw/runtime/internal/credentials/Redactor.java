package dev.paw.runtime.internal.credentials;

import dev.paw.runtime.credentials.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from text and parameters before they are logged, audited or put in an exception
 * message. Two rules: the values of a connection's credentials are masked wherever they appear
 * (also percent-encoded, JSON-escaped, base64 and base64url, as a server may echo them), and the
 * values of parameters and headers whose <em>names</em> look secret ({@code password}, {@code
 * access_token}, {@code api_key}, {@code Authorization}, {@code Cookie}...) are masked whatever
 * they hold. Immutable.
 */
public final class Redactor {

  /** What stands in place of a secret. */
  public static final String MASK = "[redacted]";

  /**
   * Shorter credential values are masked only where they make up a whole value: masking every "42"
   * inside free text would destroy the message and hint at the secret anyway.
   */
  static final int MIN_SUBSTRING_LENGTH = 4;

  private static final Pattern WORD_BOUNDARY = Pattern.compile("[^a-z0-9]+");

  /** Words before "token" that make it a paging token, not a secret ({@code next_page_token}). */
  private static final Set<String> NOT_SECRET_TOKEN =
      Set.of("page", "next", "continuation", "sync", "cursor", "pagination");

  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "passphrase",
          "secret",
          "token",
          "apikey",
          "authorization",
          "auth",
          "cookie",
          "credential",
          "credentials",
          "signature",
          "privatekey",
          "sessionid",
          "session",
          "jwt",
          "bearer",
          "otp");
  private static final Set<String> KEY_QUALIFIERS =
      Set.of(
          "api",
          "private",
          "secret",
          "access",
          "client",
          "master",
          "signing",
          "encryption",
          "license");
  private static final Redactor NAMES_ONLY = new Redactor(List.of());

  private final List<String> needles;

  private Redactor(List<String> needles) {
    this.needles = needles;
  }

  /** Masks values by parameter and header names only. */
  public static Redactor namesOnly() {
    return NAMES_ONLY;
  }

  /** Masks these credential values wherever they appear, and values by name. */
  public static Redactor of(Collection<Secret> secrets) {
    return NAMES_ONLY.withSecrets(secrets);
  }

  /** A redactor that also masks {@code secrets}. */
  public Redactor withSecrets(Collection<Secret> secrets) {
    Set<String> all = new LinkedHashSet<>(needles);
    for (Secret secret : secrets) {
      String value = secret.reveal();
      all.add(value);
      if (value.length()
          >= MIN_SUBSTRING_LENGTH) { // a short value is masked only as a whole value, not encoded
        all.addAll(encodings(value));
      }
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparingInt(String::length)
            .reversed()); // longest first: no half-masked overlaps
    return new Redactor(List.copyOf(sorted));
  }

  /**
   * The forms a value takes on the wire and in answers that echo it: percent-encoded (query, form),
   * JSON-escaped (with and without escaped slashes and non-ASCII characters), base64 and base64url
   * (with and without padding).
   */
  private static Set<String> encodings(String value) {
    Set<String> forms = new LinkedHashSet<>();
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    forms.add(url);
    forms.add(url.replace("+", "%20"));
    for (String json :
        List.of(
            jsonEscaped(value, false),
            jsonEscaped(value, true),
            upperHexEscapes(jsonEscaped(value, true)))) {
      forms.add(json);
      forms.add(json.replace("/", "\\/"));
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
      String encoded = encoder.encodeToString(bytes);
      forms.add(encoded);
      forms.add(encoded.replace("=", ""));
    }
    forms.remove(value);
    return forms;
  }

  /**
   * {@code value} as inside a JSON string; with {@code ascii}, every non-ASCII character escaped by
   * its code.
   */
  private static String jsonEscaped(String value, boolean ascii) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || ascii && c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Character escapes with upper-case hex digits: encoders differ in the case they use. */
  private static String upperHexEscapes(String json) {
    return Pattern.compile("\\\\u([0-9a-f]{4})")
        .matcher(json)
        .replaceAll(m -> "\\\\u" + m.group(1).toUpperCase(Locale.ROOT));
  }

  /**
   * True when a parameter, header or field of this name holds a secret: its words (split at {@code
   * _ - .} and camel case) include password, secret, token, auth, cookie, credential..., or "key"
   * after api, private, secret, access, client...
   */
  public static boolean isSecretName(String name) {
    if (name == null) {
      return false;
    }
    String[] words =
        WORD_BOUNDARY.split(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
    String previous = "";
    for (String word : words) {
      if (word.endsWith("token")) {
        if (!NOT_SECRET_TOKEN.contains(previous) && !word.endsWith("pagetoken")) {
          return true;
        }
      } else if (SECRET_WORDS.contains(word)
          || word.endsWith("password")
          || word.endsWith("secret")
          || word.endsWith("apikey")) {
        return true;
      }
      if (word.equals("key") && (KEY_QUALIFIERS.contains(previous) || words.length == 1)) {
        return true;
      }
      previous = word;
    }
    return false;
  }

  /** {@code text} with every credential value masked. */
  public String redact(String text) {
    if (text == null || needles.isEmpty()) {
      return text;
    }
    String result = text;
    for (String needle : needles) {
      if (needle.length() >= MIN_SUBSTRING_LENGTH) {
        result = result.replace(needle, MASK);
      } else if (result.equals(needle)) {
        return MASK;
      }
    }
    return result;
  }

  /**
   * The value a field of this name may show: masked entirely when the name looks secret, else
   * {@link #redact}ed.
   */
  public String redactValue(String name, String value) {
    if (value == null) {
      return null;
    }
    return isSecretName(name) ? MASK : redact(value);
  }

  /**
   * A copy of action parameters safe to show: values under secret-looking names masked, credential
   * values masked inside strings, nested maps and lists walked. Numbers and booleans under ordinary
   * names stay as they are.
   */
  public Map<String, Object> redactParams(Map<String, ?> params) {
    Map<String, Object> copy = new LinkedHashMap<>();
    params.forEach(
        (name, value) ->
            copy.put(name, isSecretName(name) && value != null ? MASK : redactTree(value)));
    return copy;
  }

  private Object redactTree(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            copy.put(redact(key), isSecretName(key) && v != null ? MASK : redactTree(v));
          });
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(redactTree(item)));
      return copy;
    }
    if (value instanceof Secret) {
      return MASK;
    }
    if (value instanceof CharSequence || value instanceof Enum<?>) {
      return redact(value.toString());
    }
    return value;
  }

  @Override
  public String toString() {
    return "Redactor{" + needles.size() + " values}";
  }
}
