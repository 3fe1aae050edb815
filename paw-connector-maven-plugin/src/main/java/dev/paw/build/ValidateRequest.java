package dev.paw.build;

import java.util.Objects;

/**
 * What {@code paw:validate} checks.
 *
 * @param sources the connector files
 * @param failOnWarning whether warnings fail like errors
 */
public record ValidateRequest(SourceSet sources, boolean failOnWarning) {

  public ValidateRequest {
    Objects.requireNonNull(sources, "sources");
  }
}
