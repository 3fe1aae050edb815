package dev.paw.runtime;

import dev.paw.spec.TrustLevel;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated client method whose action needs approval before it runs: {@code CONFIRM} (an
 * approval callback says yes for this call) or {@code RESTRICTED} (an administrator approves). The
 * runtime enforces it; the annotation makes it visible where the call is written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresApproval {
  TrustLevel value();
}
