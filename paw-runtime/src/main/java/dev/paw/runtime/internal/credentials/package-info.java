/**
 * Internal, no compatibility promise. The default credential stores (environment over an
 * AES-256-GCM encrypted file under the master key) and the {@link
 * dev.paw.runtime.internal.credentials.Redactor} that removes secrets from everything the runtime
 * writes down.
 */
package dev.paw.runtime.internal.credentials;
