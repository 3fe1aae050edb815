package dev.paw.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paw.runtime.internal.sync.PageReader.Checkpoint;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamOffsetsTest {

  @Test
  void aRunInProgressRoundTrips() {
    Checkpoint inRun =
        new Checkpoint(
            "1700000000",
            "1700000000",
            "1700000099",
            "{\"param\":\"starting_after\",\"value\":\"cus_9\"}",
            7);
    Map<String, Object> offset = StreamOffsets.offset(inRun, 0);
    assertThat(offset).containsEntry("page", 7L).doesNotContainKey("ended");
    assertThat(StreamOffsets.checkpoint(offset)).isEqualTo(inRun);
  }

  @Test
  void betweenRunsTheOffsetKeepsTheCursorAndWhenTheRunEnded() {
    Checkpoint done = new Checkpoint("1700000099", null, null, null, 1);
    Map<String, Object> offset = StreamOffsets.offset(done, 1234L);
    assertThat(offset).containsOnlyKeys("cursor", "ended");
    assertThat(StreamOffsets.checkpoint(offset)).isEqualTo(done);
    assertThat(StreamOffsets.endedAt(offset)).isEqualTo(1234L);
  }

  @Test
  void noOffsetStartsFromTheBeginning() {
    assertThat(StreamOffsets.checkpoint(null)).isEqualTo(Checkpoint.START);
    assertThat(StreamOffsets.checkpoint(Map.of())).isEqualTo(Checkpoint.START);
    assertThat(StreamOffsets.endedAt(null)).isZero();
  }

  @Test
  void offsetsWrittenThroughJsonReadBackWithLongsAndIntegers() {
    Map<String, Object> offset = new HashMap<>();
    offset.put("position", "{\"url\":\"https://api.example.com/x?page=2\"}");
    offset.put("page", 2); // a JSON converter may hand back an Integer
    assertThat(StreamOffsets.checkpoint(offset).page()).isEqualTo(2);
  }

  @Test
  void anOperatorsOffsetIsCheckedBeforeTheWorkerStoresIt() {
    Map<String, String> partition = StreamOffsets.partition("stripe", "stripe_customers");
    StreamOffsets.checkAltered(partition, Map.of("cursor", "1700000000"));
    StreamOffsets.checkAltered(partition, null); // a reset
    assertThatThrownBy(() -> StreamOffsets.checkAltered(Map.of("table", "x"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"stream\"");
    assertThatThrownBy(() -> StreamOffsets.checkAltered(partition, Map.of("offset", 5)))
        .hasMessageContaining("unknown offset field 'offset'");
    assertThatThrownBy(() -> StreamOffsets.checkAltered(partition, Map.of("cursor", "{not json")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamOffsets.checkAltered(partition, Map.of("position", "{}")))
        .hasMessageContaining("page number");
  }
}
