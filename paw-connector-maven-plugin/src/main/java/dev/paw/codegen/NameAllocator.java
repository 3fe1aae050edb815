package dev.paw.codegen;

import java.util.HashSet;
import java.util.Set;

/** Hands out unique names in one scope: a second {@code status} becomes {@code status2}. */
final class NameAllocator {

  private final Set<String> taken = new HashSet<>();

  NameAllocator(String... reserved) {
    taken.addAll(Set.of(reserved));
  }

  String allocate(String wanted) {
    String name = wanted;
    for (int i = 2; !taken.add(name); i++) {
      name = wanted + i;
    }
    return name;
  }
}
