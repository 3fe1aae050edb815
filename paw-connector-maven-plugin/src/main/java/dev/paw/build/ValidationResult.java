package dev.paw.build;

/**
 * What {@code paw:validate} found in connector files that passed.
 *
 * @param files how many connector files were checked
 * @param warnings how many warnings they have
 */
public record ValidationResult(int files, int warnings) {}
