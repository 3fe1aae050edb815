/**
 * The local Stripe stand-in the benchmark syncs from: invoices rendered once into memory and list
 * responses cut from them without copying, served on 127.0.0.1 by a minimal NIO server or, for
 * comparison, the JDK's HttpServer.
 */
package dev.paw.bench.server;
