/**
 * {@code paw serve}: {@link dev.paw.dashboard.Dashboard}, a local read-only page of a paw home's
 * pockets that updates itself.
 */
package dev.paw.dashboard;
