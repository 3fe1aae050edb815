package dev.paw.spec;

/**
 * A credential the user supplies when connecting. Its value never appears in connector files,
 * pocket.db, logs, exceptions or the audit trail.
 *
 * @param secret false for plain configuration (a base URL, a domain) that may be shown; true by
 *     default
 */
public record CredentialSpec(
    Location location, String name, String description, boolean required, boolean secret) {

  /** A builder for a required, secret credential with no description. */
  public static Builder builder(Location location, String name) {
    return new Builder(location, name);
  }

  /**
   * Builds a {@link CredentialSpec}; every value not set keeps the default {@link #builder}
   * describes.
   */
  public static final class Builder {
    private final Location location;
    private final String name;
    private String description;
    private boolean required = true;
    private boolean secret = true;

    private Builder(Location location, String name) {
      this.location = location;
      this.name = name;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder required(boolean value) {
      required = value;
      return this;
    }

    public Builder secret(boolean value) {
      secret = value;
      return this;
    }

    public CredentialSpec build() {
      return new CredentialSpec(location, name, description, required, secret);
    }
  }
}
