package dev.paw.build;

/**
 * Where the engine reports: one message per call, one line per diagnostic. Front ends adapt their
 * own logger.
 */
public interface BuildLog {

  void debug(String message);

  void info(String message);

  void warn(String message);

  void error(String message);
}
