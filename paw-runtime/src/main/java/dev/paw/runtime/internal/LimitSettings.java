package dev.paw.runtime.internal;

/**
 * The environment variables that set the runtime's limits ({@code dev.paw.runtime.RuntimeLimits}),
 * here so that every package's error message can name the one to change.
 */
public final class LimitSettings {

  public static final String MAX_ACTION_BYTES = "PAW_MAX_ACTION_BYTES";
  public static final String MAX_PAGE_BYTES = "PAW_MAX_PAGE_BYTES";
  public static final String CALL_TIMEOUT = "PAW_CALL_TIMEOUT_SECONDS";
  public static final String MIN_TRANSFER_BYTES = "PAW_MIN_TRANSFER_BYTES";
  public static final String TRANSFER_WINDOW = "PAW_TRANSFER_WINDOW_SECONDS";
  public static final String MAX_PAGES = "PAW_MAX_PAGES";
  public static final String QUERY_TIMEOUT = "PAW_QUERY_TIMEOUT_SECONDS";

  private LimitSettings() {}

  /**
   * "PAW_MAX_PAGES (or RuntimeLimits on PawBuilder)": where a message sends the user to change a
   * limit.
   */
  public static String how(String variable) {
    return variable + " (or RuntimeLimits on PawBuilder)";
  }
}
