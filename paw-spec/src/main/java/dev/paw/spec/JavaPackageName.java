package dev.paw.spec;

import java.util.Arrays;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * The Java package segment a connector's generated code goes into: the words of its name joined by
 * one {@code _} ({@code stripe_v2} and {@code stripe__v2} both give {@code stripe_v2}), a keyword
 * with a trailing {@code _}. It lives here, not in the generator, so that every front end can tell
 * two connectors that would share a package apart without generating anything.
 */
public final class JavaPackageName {

  private JavaPackageName() {}

  /**
   * The segment of {@code connectorName}, a valid connector name (lower-case letters, digits and
   * {@code _}).
   */
  public static String of(String connectorName) {
    String segment =
        Arrays.stream(connectorName.split("_"))
            .filter(w -> !w.isEmpty())
            .collect(Collectors.joining("_"));
    if (segment.isEmpty()) {
      return "connector";
    }
    String legal = Character.isDigit(segment.charAt(0)) ? "_" + segment : segment;
    return SourceVersion.isKeyword(legal) ? legal + "_" : legal;
  }
}
