package dev.paw.runtime.internal.adapter;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.RuntimeSettings;
import dev.paw.runtime.TypedResult.Page;
import dev.paw.runtime.internal.sync.ActionPaging;
import dev.paw.runtime.internal.sync.PagePosition;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a list action one page at a time for a host application: each page is an ordinary action
 * call (parameter check, trust gate, audit) whose request the sync paging code moves to the page,
 * and whose answer it reads into typed records and the next position. Stops at the page cap.
 */
final class PagedActions {

  private final ConnectorSpec spec;
  private final ActionRunner actions;
  private final RuntimeSettings settings;

  PagedActions(ConnectorSpec spec, ActionRunner actions, RuntimeSettings settings) {
    this.spec = spec;
    this.actions = actions;
    this.settings = settings;
  }

  /** One paged listing: the action, its parameters, how to read it, and how to run later pages. */
  <R> Listing<R> listing(
      String actionName,
      Map<String, ?> params,
      String records,
      RowMapper<R> mapper,
      Function<Supplier<Page<R>>, CompletionStage<Page<R>>> async,
      Supplier<Redaction> redactions) {
    ActionSpec action =
        spec.action(actionName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "connector '" + spec.name() + "' has no action '" + actionName + "'"));
    ActionPaging paging = new ActionPaging(action, records);
    @SuppressWarnings("unchecked") // without a mapper, the caller asked for JsonNode records
    RowMapper<R> reader = mapper != null ? mapper : (RowMapper<R>) paging.trees();
    int cap = Math.min(settings.limits().maxPages(), paging.maxPages().orElse(Integer.MAX_VALUE));
    return new Listing<>(
        actionName,
        Collections.unmodifiableMap(new LinkedHashMap<>(params)),
        reader,
        paging,
        cap,
        async,
        redactions);
  }

  final class Listing<R> {
    private final String action;
    private final Map<String, ?> params;
    private final RowMapper<R> mapper;
    private final ActionPaging paging;
    private final int cap;
    private final Function<Supplier<Page<R>>, CompletionStage<Page<R>>> async;
    private final Supplier<Redaction> redactions;

    private Listing(
        String action,
        Map<String, ?> params,
        RowMapper<R> mapper,
        ActionPaging paging,
        int cap,
        Function<Supplier<Page<R>>, CompletionStage<Page<R>>> async,
        Supplier<Redaction> redactions) {
      this.action = action;
      this.params = params;
      this.mapper = mapper;
      this.paging = paging;
      this.cap = cap;
      this.async = async;
      this.redactions = redactions;
    }

    /** Fetches the page at {@code position}, numbered {@code number} (1 for the first). */
    Page<R> page(PagePosition position, int number) {
      HttpActionCall.Sent sent =
          actions.run(action, params, first -> paging.request(first, position), redactions.get());
      ActionResult result = sent.result();
      ActionPaging.Read<R> read =
          paging.read(result.body(), sent.url(), sent.links(), mapper, position, number);
      if (read.next().isEmpty()) {
        return Page.of(result, read.records(), number, null, false);
      }
      if (number >= cap) {
        return Page.of(result, read.records(), number, null, true);
      }
      PagePosition next = read.next().get();
      return Page.of(
          result, read.records(), number, () -> async.apply(() -> page(next, number + 1)), false);
    }
  }
}
