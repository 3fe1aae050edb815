package dev.paw.runtime.internal.registry;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.Location;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Whether two connector definitions say the same thing wherever they were read from: equal
 * component by component, ignoring locations. A file that is a copy of a built-in (the repository's
 * {@code connectors/} folder, which the built-ins are compiled from) changes nothing by shadowing
 * it, so it needs no note.
 */
final class SameDefinition {

  private SameDefinition() {}

  static boolean of(ConnectorSpec a, ConnectorSpec b) {
    return same(a, b);
  }

  private static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Location && b instanceof Location) {
      return true;
    }
    if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
      for (RecordComponent component : a.getClass().getRecordComponents()) {
        if (!same(read(component, a), read(component, b))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> left && b instanceof List<?> right) {
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!same(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
      if (!left.keySet().equals(right.keySet())) {
        return false;
      }
      return left.keySet().stream().allMatch(key -> same(left.get(key), right.get(key)));
    }
    return a.equals(b);
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return e; // unreadable: compares unequal to anything but itself, so the file is treated as
      // different
    }
  }
}
