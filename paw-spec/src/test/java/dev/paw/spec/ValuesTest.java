package dev.paw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void orderedCopyKeepsInsertionOrderAndCannotBeChanged() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("z", 1L);
    source.put("a", 2L);
    source.put("m", 3L);

    Map<String, Object> copy = Values.orderedCopy(source);
    source.put("late", 4L);

    assertThat(copy.keySet()).containsExactly("z", "a", "m");
    assertThatThrownBy(() -> copy.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapTakesKeysAndValuesInPairsInOrder() {
    Map<String, Object> map = Values.map("b", 1L, "a", true, "c", null);

    assertThat(map.keySet()).containsExactly("b", "a", "c");
    assertThat(map).containsEntry("a", true).containsEntry("c", null);
    assertThatThrownBy(() -> map.put("d", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapRejectsAnOddNumberOfItems() {
    assertThatThrownBy(() -> Values.map("a", 1L, "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("map() takes keys and values in pairs, got 3 items");
  }

  @Test
  void listMayHoldNullsAndCannotBeChanged() {
    List<Object> list = Values.list("a", null, 3L);

    assertThat(list).containsExactly("a", null, 3L);
    assertThatThrownBy(() -> list.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesTypesAsAConnectorFileWould() {
    assertThat(Values.typeName(null)).isEqualTo("null");
    assertThat(Values.typeName("x")).isEqualTo("string");
    assertThat(Values.typeName(1L)).isEqualTo("integer");
    assertThat(Values.typeName(1.5)).isEqualTo("number");
    assertThat(Values.typeName(true)).isEqualTo("boolean");
    assertThat(Values.typeName(List.of())).isEqualTo("array");
    assertThat(Values.typeName(Map.of())).isEqualTo("object");
  }
}
