package dev.paw.spec.read;

import dev.paw.spec.Location;
import java.util.List;

/**
 * A stream's {@code each} as written: the action it names and the parameter templates it gives,
 * unchecked.
 *
 * @param params every parameter given, in order; a value is {@code null} when the file gave no text
 */
public record ReadChildRequest(Location location, Reference action, List<WrittenParam> params) {

  public ReadChildRequest {
    params = List.copyOf(params);
  }
}
