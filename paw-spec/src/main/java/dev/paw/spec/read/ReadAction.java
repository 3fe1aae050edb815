package dev.paw.spec.read;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.Location;
import dev.paw.spec.UrlTemplate;

/**
 * An action as written: every parameter still goes to the query or the body, as declared, and the
 * page size is as given; the linker decides which parameters fill the URL's placeholders and
 * defaults the page size. Its declared answer fields ({@link ActionSpec#returns}) are as written,
 * not yet checked against one another.
 *
 * @param url the parsed URL template, or {@code null} when the action has no well-formed one (a
 *     relative one may still lack the {@code base_url} it needs)
 * @param urlLocation where the URL was written, or {@code null} without one
 * @param returnsLocation where {@code returns} was written, or {@code null} without it
 */
public record ReadAction(
    ActionSpec action, UrlTemplate url, Location urlLocation, Location returnsLocation) {

  /** An action that declares no answer fields. */
  public ReadAction(ActionSpec action, UrlTemplate url, Location urlLocation) {
    this(action, url, urlLocation, null);
  }
}
