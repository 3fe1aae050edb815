package dev.paw.spec;

/**
 * A credential the user supplies when connecting. Its value never appears in connector files, pocket.db, logs,
 * exceptions or the audit trail.
 *
 * @param secret false for plain configuration (a base URL, a domain) that may be shown; true by default
 */
public record CredentialSpec(Location location, String name, String description, boolean required, boolean secret) {}
