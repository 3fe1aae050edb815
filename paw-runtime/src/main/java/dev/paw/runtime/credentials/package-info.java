/**
 * API: credentials. A {@link dev.paw.runtime.credentials.CredentialStore} holds {@link
 * dev.paw.runtime.credentials.Secret}s per {@link dev.paw.runtime.credentials.CredentialScope} (one
 * pocket, one connector); {@link dev.paw.runtime.credentials.ScopedCredentials} is the view a
 * connection gets. The default store (the connector's own environment variables over an AES-256-GCM
 * encrypted file) and the redaction of secrets from logs, the audit trail and exception messages
 * are internal ({@code dev.paw.runtime.internal.credentials}).
 */
package dev.paw.runtime.credentials;
