/**
 * Internal, no compatibility promise. HTTP for connectors, on OkHttp. {@link
 * dev.paw.runtime.internal.http.RequestFactory} turns an action and its parameters into a request
 * (checked before anything is sent, values encoded so they cannot move the host or the path: {@code
 * UrlExpander} fills the template, {@code PercentEncoding} encodes each value, {@code UrlAssembly}
 * checks the result). A connection's client is its runtime's base client (its own {@link
 * dev.paw.runtime.internal.http.HttpClients#newClient()}, or the host's) plus interceptors
 * assembled by {@link dev.paw.runtime.internal.http.ConnectionClientBuilder}: retry, rate limit,
 * auth and redacted logging, each a one-method {@link okhttp3.Interceptor} with one job.
 */
package dev.paw.runtime.internal.http;
