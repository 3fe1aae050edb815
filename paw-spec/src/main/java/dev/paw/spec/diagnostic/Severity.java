package dev.paw.spec.diagnostic;

/** How bad a diagnostic is: errors fail the build, warnings only with {@code failOnWarning}. */
public enum Severity {
  ERROR,
  WARNING
}
