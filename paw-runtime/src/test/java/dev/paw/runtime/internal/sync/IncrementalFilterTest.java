package dev.paw.runtime.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.spec.IncrementalSpec;
import dev.paw.spec.Location;
import org.junit.jupiter.api.Test;

/**
 * What an incremental run sends in its filter parameter, from what the last complete run stored.
 */
class IncrementalFilterTest {

  private static final Location AT = Location.file("c.yaml");

  @Test
  void aCursorGoesAsItWasStoredNumbersAsDigitsTextWithoutQuotes() throws Exception {
    IncrementalSpec created = IncrementalSpec.cursor(AT, "created", "created[gte]");
    assertThat(IncrementalFilter.value(created, "1700000300")).isEqualTo("1700000300");
    assertThat(IncrementalFilter.value(created, "\"2026-11-24T10:00:00Z\""))
        .isEqualTo("2026-11-24T10:00:00Z");
  }

  @Test
  void milliSecondsBecomeSecondsSteppedBackAndWrittenThroughTheFormat() throws Exception {
    IncrementalSpec gmail =
        new IncrementalSpec(AT, "internalDate", "q", null, "after:{value}", 1000L, 1L);
    // Gmail's internalDate is a string of milliseconds; after: takes seconds and excludes its
    // boundary
    assertThat(IncrementalFilter.value(gmail, "\"1795000200999\"")).isEqualTo("after:1795000199");
    assertThat(IncrementalFilter.value(gmail, "1795000200000")).isEqualTo("after:1795000199");
  }

  @Test
  void aSyncTokenGoesAsItCame() throws Exception {
    IncrementalSpec calendar =
        new IncrementalSpec(AT, null, "syncToken", "nextSyncToken", null, null, null);
    assertThat(IncrementalFilter.value(calendar, "\"CPDAlvWDx70CEPDAlvWDx70CGAU=\""))
        .isEqualTo("CPDAlvWDx70CEPDAlvWDx70CGAU=");
  }

  @Test
  void aCursorThatIsNotANumberCannotBeDividedAndSaysSo() {
    IncrementalSpec gmail =
        new IncrementalSpec(AT, "internalDate", "q", null, "after:{value}", 1000L, 1L);
    assertThatThrownBy(() -> IncrementalFilter.value(gmail, "\"yesterday\""))
        .isInstanceOf(SyncException.class)
        .hasMessage(
            "the cursor 'internalDate' is 'yesterday', not a number, so it cannot be divided or stepped back");
  }

  @Test
  void anUpdatedAtCursorStepsBackItsLookbackWindowInTheFormItCame() throws Exception {
    IncrementalSpec updated =
        IncrementalSpec.builder(AT, "updated_since")
            .cursor("updated_at")
            .window(java.time.Duration.ofMinutes(10))
            .build();
    assertThat(IncrementalFilter.value(updated, "\"2026-11-24T10:00:00Z\""))
        .isEqualTo("2026-11-24T09:50:00Z");
    assertThat(IncrementalFilter.value(updated, "\"2026-11-24T10:05:30.250+01:00\""))
        .isEqualTo("2026-11-24T09:55:30.25+01:00");
    assertThat(IncrementalFilter.value(updated, "1795000200")).isEqualTo("1794999600");
    assertThatThrownBy(() -> IncrementalFilter.value(updated, "\"last tuesday\""))
        .isInstanceOf(SyncException.class)
        .hasMessageContaining("neither a number of seconds nor an ISO 8601 time");
  }
}
