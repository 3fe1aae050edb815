package dev.paw.spec.read;

import dev.paw.spec.Location;
import java.util.List;

/**
 * Text whose {@code {placeholders}} may name credentials only, because no parameter exists when it
 * is sent: a static header value, an OAuth URL, {@code base_url}.
 *
 * @param what how messages name the text ({@code header 'X-Team'}, {@code 'token_url'}, {@code
 *     base_url})
 * @param placeholders the placeholders to check, in order
 */
public record CredentialTemplate(String what, List<String> placeholders, Location location) {

  public CredentialTemplate {
    placeholders = List.copyOf(placeholders);
  }
}
