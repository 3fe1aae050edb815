package dev.paw.build;

/**
 * What {@code paw:generate} did.
 *
 * @param status whether it generated, found everything up to date, or had no connector files
 * @param files how many connector files there are
 * @param regenerated how many connector files were generated again (the others' outputs were kept
 *     as they were)
 * @param written how many output files were created or changed
 * @param unchanged how many output files were generated but already held the same content, and were
 *     left alone
 * @param deleted how many output files of connectors that are gone (or moved) were deleted
 */
public record GenerationResult(
    Status status, int files, int regenerated, int written, int unchanged, int deleted) {

  /** The three ways a build can go. */
  public enum Status {
    /** Nothing changed since the last build: no connector was loaded and no file was written. */
    UP_TO_DATE,
    /**
     * At least one connector was generated again (though files with unchanged content were not
     * rewritten).
     */
    GENERATED,
    /** There are no connector files; anything generated before was deleted. */
    NO_SOURCES
  }
}
