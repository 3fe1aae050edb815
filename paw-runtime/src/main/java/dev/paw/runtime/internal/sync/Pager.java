package dev.paw.runtime.internal.sync;

import dev.paw.spec.PaginationSpec;
import dev.paw.spec.PaginationStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Turns a pagination spec into requests: the first page's request, and from each page read, where
 * the next one starts, or that there is none. Knows every style of {@link
 * dev.paw.spec.PaginationStyle}; refuses next-page URLs that would leave the API's host (they would
 * carry the credentials elsewhere).
 */
final class Pager {

  private static final Pattern LINK_NEXT =
      Pattern.compile("<([^>]*)>\\s*;[^,]*?rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);

  private final PaginationSpec spec;

  Pager(PaginationSpec spec) {
    this.spec = spec;
  }

  /** The page-level fields the parser must capture for this style. */
  List<String> fieldPaths() {
    List<String> paths = new ArrayList<>();
    switch (spec.style()) {
      case CURSOR -> paths.add(spec.hasMore());
      case TOKEN, NEXT_URL -> paths.add(spec.path());
      default -> {}
    }
    return paths;
  }

  /** The request for the page at {@code position}, built on the run's first-page request. */
  Request request(Request base, PagePosition position) throws SyncException {
    HttpUrl.Builder url = base.url().newBuilder();
    if (spec.sizeParam() != null && spec.size() != null) {
      url.setQueryParameter(spec.sizeParam(), String.valueOf(spec.size()));
    }
    switch (spec.style()) {
      case PAGE, OFFSET ->
          url.setQueryParameter(
              spec.param(), position.isFirst() ? String.valueOf(spec.start()) : position.value());
      default -> {
        if (position.param() != null) {
          url.setQueryParameter(position.param(), position.value());
        }
      }
    }
    if (position.url() != null) {
      HttpUrl next = HttpUrl.parse(position.url());
      if (next == null) {
        throw new SyncException("the next page URL is not a URL: " + position.url());
      }
      if (!next.scheme().equals(base.url().scheme())
          || !next.host().equals(base.url().host())
          || next.port() != base.url().port()) {
        throw new SyncException(
            "the next page URL leaves "
                + base.url().host()
                + " for "
                + next.host()
                + "; refusing to send the connector's credentials there");
      }
      return base.newBuilder().url(next).build();
    }
    return base.newBuilder().url(url.build()).build();
  }

  /** Where the page after {@code page} starts; empty when {@code page} was the last. */
  Optional<PagePosition> next(PagePosition position, ParsedPage<?> page, Response response)
      throws SyncException {
    return next(position, page, response.request().url(), response.headers("Link"));
  }

  /**
   * Where the page after {@code page} starts, read from the page, the URL it was fetched from (the
   * base of relative next-page URLs) and its {@code Link} headers; empty when it was the last.
   */
  Optional<PagePosition> next(
      PagePosition position, ParsedPage<?> page, HttpUrl fetched, List<String> links)
      throws SyncException {
    PagePosition next =
        switch (spec.style()) {
          case NONE -> null;
          case CURSOR -> cursor(page);
          case TOKEN -> token(page);
          case LINK_HEADER -> link(fetched, links);
          case PAGE -> numbered(position, page, 1);
          case OFFSET -> numbered(position, page, page.size());
          case NEXT_URL -> nextUrl(page, fetched);
        };
    if (next != null && next.equals(position)) {
      throw new SyncException(
          "the server sent the same next-page position twice ("
              + next.toJson()
              + "); stopping instead of looping");
    }
    return Optional.ofNullable(next);
  }

  /**
   * True when the page says that more pages follow: it has a next position, or (cursor style) it
   * says {@code has_more} even though it has no record to continue from.
   */
  boolean announcesMore(ParsedPage<?> page, Optional<PagePosition> next) {
    return next.isPresent()
        || spec.style() == PaginationStyle.CURSOR
            && Boolean.TRUE.equals(page.fields().get(spec.hasMore()));
  }

  private PagePosition cursor(ParsedPage<?> page) throws SyncException {
    if (page.size() == 0 || !Boolean.TRUE.equals(page.fields().get(spec.hasMore()))) {
      return null;
    }
    if (page.lastPageCursor() == null) {
      throw new SyncException(
          "the last record of the page has no '" + spec.from() + "' to ask for the next page");
    }
    return PagePosition.param(spec.param(), String.valueOf(page.lastPageCursor()));
  }

  private PagePosition token(ParsedPage<?> page) {
    Object token = page.fields().get(spec.path());
    return token == null || token.toString().isEmpty()
        ? null
        : PagePosition.param(spec.param(), token.toString());
  }

  private PagePosition link(HttpUrl fetched, List<String> links) {
    for (String header : links) {
      Matcher m = LINK_NEXT.matcher(header);
      if (m.find()) {
        return PagePosition.url(resolve(fetched, m.group(1)));
      }
    }
    return null;
  }

  private PagePosition numbered(PagePosition position, ParsedPage<?> page, long step) {
    boolean shortPage = spec.size() != null && page.size() < spec.size();
    if (page.size() == 0 || shortPage) {
      return null;
    }
    long current = position.isFirst() ? spec.start() : Long.parseLong(position.value());
    return PagePosition.param(spec.param(), String.valueOf(current + step));
  }

  private PagePosition nextUrl(ParsedPage<?> page, HttpUrl fetched) {
    Object url = page.fields().get(spec.path());
    return url == null || url.toString().isEmpty()
        ? null
        : PagePosition.url(resolve(fetched, url.toString()));
  }

  private static String resolve(HttpUrl fetched, String url) {
    HttpUrl resolved = fetched.resolve(url);
    return resolved == null ? url : resolved.toString();
  }

  Optional<Integer> maxPages() {
    return Optional.ofNullable(spec.maxPages());
  }
}
