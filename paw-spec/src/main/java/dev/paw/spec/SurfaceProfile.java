package dev.paw.spec;

import java.util.List;

/**
 * PocketPaw's {@code surface_profile}: the skill and tool lists an agent loads with the connector.
 * Kept as written.
 */
public record SurfaceProfile(String skill, List<String> allowTools, List<String> denyTools) {

  public SurfaceProfile {
    allowTools = List.copyOf(allowTools);
    denyTools = List.copyOf(denyTools);
  }
}
