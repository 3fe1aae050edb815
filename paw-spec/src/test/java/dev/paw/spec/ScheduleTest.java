package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

  @Test
  void manualHasNoInterval() {
    Schedule manual = Schedule.parse("manual").orElseThrow();

    assertThat(manual.isManual()).isTrue();
    assertThat(manual.interval()).isNull();
    assertThat(manual).isEqualTo(Schedule.MANUAL);
  }

  @Test
  void hourlyAndDailyAreOneHourAndOneDay() {
    assertThat(Schedule.parse("hourly").orElseThrow().interval()).isEqualTo(Duration.ofHours(1));
    assertThat(Schedule.parse("daily").orElseThrow().interval()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void everyCountsMinutesHoursOrDays() {
    assertThat(Schedule.parse("every_5m").orElseThrow().interval())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(Schedule.parse("every_15m").orElseThrow().interval())
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(Schedule.parse("every_6h").orElseThrow().interval()).isEqualTo(Duration.ofHours(6));
    assertThat(Schedule.parse("every_2d").orElseThrow().interval()).isEqualTo(Duration.ofDays(2));
    assertThat(Schedule.parse("every_999999m").orElseThrow().interval())
        .isEqualTo(Duration.ofMinutes(999_999));
  }

  @Test
  void keepsTheTextAsWritten() {
    Schedule schedule = Schedule.parse("every_30m").orElseThrow();

    assertThat(schedule.text()).isEqualTo("every_30m");
    assertThat(schedule).hasToString("every_30m");
    assertThat(schedule.isManual()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "every_15",
        "every_0m",
        "every_05m",
        "every_1000000m",
        "sometimes",
        "every 5m",
        "every-5m",
        "EVERY_5M",
        "Manual",
        "every_5s",
        "every_5w",
        "5m",
        "every_m",
        "",
        " every_5m"
      })
  void rejectsAnythingElse(String text) {
    assertThat(Schedule.parse(text)).isEmpty();
  }

  @Test
  void everyExampleParses() {
    assertThat(Schedule.EXAMPLES)
        .allSatisfy(example -> assertThat(Schedule.parse(example)).isPresent());
  }
}
