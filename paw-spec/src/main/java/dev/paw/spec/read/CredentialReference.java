package dev.paw.spec.read;

import dev.paw.spec.Location;

/**
 * An auth setting that names a credential ({@code credential}, {@code username}, {@code password},
 * {@code client_id}, {@code client_secret}).
 *
 * @param key the setting, as written
 * @param context where the setting is, as messages say it ({@code in auth}, {@code in auth oauth2})
 * @param name the credential it names
 */
public record CredentialReference(String key, String context, String name, Location location) {}
