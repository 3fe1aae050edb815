package dev.paw.runtime.trust;

/**
 * One difference between what the user approved when connecting and the connector's definition now.
 *
 * @param item what changed: {@code host}, {@code action 'create_refund'}, {@code credential},
 *     {@code definition}
 * @param before the approved value, or {@code null} when the item is new
 * @param after the value now, or {@code null} when the item is gone
 * @param loosens whether the change gives the connector more than was approved (a lower trust
 *     level, a new action below {@code restricted}, a new host, a new credential): such a change
 *     needs a review before the connection runs again
 */
public record PinChange(String item, String before, String after, boolean loosens) {

  /** "action 'create_refund': confirm -> auto", for messages and the review. */
  @Override
  public String toString() {
    return item
        + ": "
        + (before == null ? "(none)" : before)
        + " -> "
        + (after == null ? "(none)" : after);
  }
}
