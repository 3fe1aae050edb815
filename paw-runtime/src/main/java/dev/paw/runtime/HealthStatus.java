package dev.paw.runtime;

import java.time.Duration;

/** Whether a connector's service answered, how fast, and why not when it did not. */
public record HealthStatus(boolean healthy, int httpStatus, Duration latency, String message) {}
