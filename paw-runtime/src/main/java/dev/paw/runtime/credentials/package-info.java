/**
 * Credentials and keeping them secret. A {@link dev.paw.runtime.credentials.CredentialStore} holds
 * {@link dev.paw.runtime.credentials.Secret}s per {@link dev.paw.runtime.credentials.CredentialScope} (one pocket,
 * one connector); {@link dev.paw.runtime.credentials.ScopedCredentials} is the view a connection gets. The default
 * store ({@link dev.paw.runtime.internal.credentials.LayeredCredentialStore#standard}) reads the connector's own environment
 * variables first ({@link dev.paw.runtime.internal.credentials.EnvironmentCredentialStore} says which), then an AES-256-GCM
 * encrypted file. {@link dev.paw.runtime.internal.credentials.Redactor} removes secrets from everything the
 * runtime writes down: logs, the audit trail, exception messages.
 */
package dev.paw.runtime.credentials;
