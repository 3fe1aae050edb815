package dev.paw.runtime.internal.sync;

import java.util.Optional;

/** A page as parsed, with where the next one starts (empty when it was the last). */
record FetchedPage<R>(ParsedPage<R> parsed, Optional<PagePosition> next) {}
