package dev.paw.runtime.internal.sync;

/**
 * How one run treats the stored position.
 *
 * @param full list everything again, then remove the rows the source no longer has (as {@code
 *     replace} does), whatever position is stored; an interrupted run is abandoned
 * @param reset forget the stored position (and any interrupted run) first, so the run starts as a
 *     stream's first one does
 */
public record RunOptions(boolean full, boolean reset) {

  public static final RunOptions DEFAULTS = new RunOptions(false, false);
}
