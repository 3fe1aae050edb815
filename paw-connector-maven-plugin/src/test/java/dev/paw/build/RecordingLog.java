package dev.paw.build;

import java.util.ArrayList;
import java.util.List;

/** A {@link BuildLog} that keeps every line as {@code LEVEL message}. */
final class RecordingLog implements BuildLog {

  final List<String> lines = new ArrayList<>();

  @Override
  public void debug(String message) {
    lines.add("DEBUG " + message);
  }

  @Override
  public void info(String message) {
    lines.add("INFO " + message);
  }

  @Override
  public void warn(String message) {
    lines.add("WARN " + message);
  }

  @Override
  public void error(String message) {
    lines.add("ERROR " + message);
  }

  /** The messages of one level, in order. */
  List<String> at(String level) {
    return lines.stream()
        .filter(l -> l.startsWith(level + " "))
        .map(l -> l.substring(level.length() + 1))
        .toList();
  }

  void clear() {
    lines.clear();
  }
}
