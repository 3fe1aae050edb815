package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.PaginationSpec;
import dev.paw.spec.PaginationStyle;
import dev.paw.spec.UrlTemplate;
import dev.paw.spec.diagnostic.Diagnostics;
import java.util.List;

/**
 * Fits an action's pagination to the rest of the action: the paging parameters must go in the query
 * (not fill a URL placeholder) and be two different ones, and without a {@code size} the page size
 * is the size parameter's declared default (100 for offset paging, which cannot work without one).
 */
final class PaginationLinker {

  private final Diagnostics diagnostics;

  PaginationLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * {@code action}'s pagination, completed; {@code url} is its URL template, or {@code null}
   * without one.
   */
  PaginationSpec link(ActionSpec action, UrlTemplate url) {
    PaginationSpec paging = action.pagination();
    if (paging.style() == PaginationStyle.NONE) {
      return paging;
    }
    String what =
        "'" + paging.style().wireName() + "' pagination of action '" + action.name() + "'";
    List<String> placeholders = url == null ? List.of() : url.placeholders();
    for (String name : new String[] {paging.param(), paging.sizeParam()}) {
      if (name != null && placeholders.contains(name)) {
        diagnostics.error(
            paging.location(),
            what
                + " sends '"
                + name
                + "', which fills a {placeholder} of the url;"
                + " paging parameters must go in the query");
      }
    }
    if (paging.param() != null && paging.param().equals(paging.sizeParam())) {
      diagnostics.error(
          paging.location(),
          what + " uses '" + paging.param() + "' both for the position and for the" + " page size");
    }
    Integer size =
        paging.size() != null || paging.sizeParam() == null
            ? paging.size()
            : defaultSize(action, paging);
    return new PaginationSpec(
        paging.location(),
        paging.style(),
        paging.param(),
        paging.from(),
        paging.hasMore(),
        paging.path(),
        paging.sizeParam(),
        size,
        paging.start(),
        paging.maxPages());
  }

  private static Integer defaultSize(ActionSpec action, PaginationSpec paging) {
    Long declared =
        action.params().stream()
            .filter(p -> p.name().equals(paging.sizeParam()) && p.defaultValue() instanceof Long)
            .map(p -> (Long) p.defaultValue())
            .findFirst()
            .orElse(null);
    if (declared != null && declared > 0 && declared <= Integer.MAX_VALUE) {
      return declared.intValue();
    }
    return paging.style() == PaginationStyle.OFFSET ? 100 : null;
  }
}
