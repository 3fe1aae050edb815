package dev.paw.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Durations typed at the command line: {@code --auth-timeout 90s}, {@code --since 12h}. */
class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsWhatPeopleTypeAndIso8601() {
    assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(converter.convert(" 12H ")).isEqualTo(Duration.ofHours(12));
    assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(converter.convert("PT5M")).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void refusesWhatIsNoDurationSayingHowToWriteOne() {
    assertThatThrownBy(() -> converter.convert("5 minutes"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'5 minutes' is not a duration: write it as 90s, 5m, 12h, 7d or PT5M");
    assertThatThrownBy(() -> converter.convert("99999999999s"))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void sinceTakesAnAgeOrAnInstant() {
    Instant before = Instant.now();
    assertThat(AuditCommand.parseSince("30m"))
        .isBetween(before.minusSeconds(1805), before.minusSeconds(1795));
    assertThat(AuditCommand.parseSince("2026-11-24T09:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
  }
}
