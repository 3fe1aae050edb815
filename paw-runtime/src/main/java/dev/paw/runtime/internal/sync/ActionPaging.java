package dev.paw.runtime.internal.sync;

import dev.paw.runtime.ActionFailedException;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.PaginationSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Pages through a list action called by a host application, with the code syncs page with: the
 * {@link Pager} puts the page position into the action's request and reads the next position from
 * each answer (a page size the caller gave stays), and the {@link PageParser} reads the answer's
 * records through a row mapper. Holds no state between pages.
 */
public final class ActionPaging {

  private final ActionSpec action;
  private final Pager pager;
  private final PageParser parser;

  /**
   * @param records where the records are in an answer; {@code null} for the parser's default
   */
  public ActionPaging(ActionSpec action, String records) {
    this.action = action;
    this.pager =
        new Pager(action.pagination() == null ? PaginationSpec.none(null) : action.pagination());
    this.parser = new PageParser(records, pager.fieldPaths());
  }

  /**
   * Reads records that no sync stream maps as Jackson trees, for actions whose answers have no
   * typed rows.
   */
  public RowMapper<com.fasterxml.jackson.databind.JsonNode> trees() {
    return new TreeRecords(action.pagination() == null ? null : action.pagination().from());
  }

  /** The position of the first page. */
  public static PagePosition first() {
    return PagePosition.FIRST;
  }

  /** The connector's own page cap for this action, if it declares one. */
  public Optional<Integer> maxPages() {
    return pager.maxPages();
  }

  /**
   * The request for the page at {@code position}, built on the request of the first page.
   *
   * @throws ActionFailedException when the position is a URL that leaves the API's host
   */
  public Request request(Request first, PagePosition position) {
    try {
      Request paged = pager.request(first, position);
      String sizeParam = action.pagination() == null ? null : action.pagination().sizeParam();
      String asked = sizeParam == null ? null : first.url().queryParameter(sizeParam);
      if (asked == null || position.url() != null) {
        return paged;
      }
      // the caller's own page size wins over the one a sync asks for
      return paged
          .newBuilder()
          .url(paged.url().newBuilder().setQueryParameter(sizeParam, asked).build())
          .build();
    } catch (SyncException e) {
      throw new ActionFailedException(action.name(), 0, failed() + e.getMessage());
    }
  }

  /**
   * Reads one answer: its records as {@code mapper} makes them, and where the next page starts.
   *
   * @param fetched the URL the page was fetched from (relative next-page URLs resolve against it)
   * @param links the answer's {@code Link} headers
   * @param pageNumber 1-based, for messages
   * @throws ActionFailedException when the answer is not a list page or a record cannot be read
   */
  public <R> Read<R> read(
      byte[] body,
      HttpUrl fetched,
      List<String> links,
      RowMapper<R> mapper,
      PagePosition position,
      int pageNumber) {
    try {
      ParsedPage<R> page = parser.parse(new ByteArrayInputStream(body), mapper, pageNumber);
      return new Read<>(page.rows(), pager.next(position, page, fetched, links));
    } catch (IOException | RuntimeException e) {
      throw new ActionFailedException(action.name(), 0, failed() + e.getMessage());
    }
  }

  private String failed() {
    return "the answer of '" + action.name() + "' cannot be read as a page: ";
  }

  /**
   * One page read.
   *
   * @param records in page order
   * @param next where the next page starts; empty when this was the last
   */
  public record Read<R>(List<R> records, Optional<PagePosition> next) {}
}
