package dev.paw.spec.read;

import dev.paw.spec.Location;

/**
 * A name written in the file that refers to something declared elsewhere, and where it was written.
 */
public record Reference(String name, Location location) {}
