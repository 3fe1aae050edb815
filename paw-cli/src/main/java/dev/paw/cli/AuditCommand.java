package dev.paw.cli;

import dev.paw.runtime.audit.AuditEntry;
import dev.paw.runtime.audit.AuditLog;
import dev.paw.runtime.audit.AuditQuery;
import dev.paw.runtime.pocket.Pocket;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paw audit --pocket P [--since ...] [--verify [--head H]] [--head]}: the pocket's audit
 * trail, newest first; or its verification; or its head, to keep somewhere {@code pocket.db} cannot
 * reach.
 */
@Command(
    name = "audit",
    description = "Show a pocket's audit trail (newest first), or --verify its hash chain.")
final class AuditCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin PocketOption.Existing pocketOption;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "An ISO-8601 time (2026-11-24T09:00:00Z) or an age" + " (30m, 12h, 7d).")
  String since;

  @Option(names = "--connector", paramLabel = "NAME", description = "Only this connector.")
  String connector;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "At most this many entries (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--verify", description = "Check that no entry was edited, deleted or reordered.")
  boolean verify;

  @Option(
      names = "--head",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "HEAD",
      description =
          "Alone: verify"
              + " and print the trail's head (SEQ:HASH); keep it outside this machine's paw home. With a value (and"
              + " --verify): also check that the trail still holds that head, which finds a rollback of the whole pocket.")
  String head;

  @Mixin JsonOption json;

  AuditCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws SQLException {
    Pocket pocket = pocketOption.get(context);
    AuditLog log = context.paw().audit(pocket);
    boolean exportHead = head != null && head.isEmpty();
    if (verify || head != null) {
      AuditLog.Head exported = head == null || exportHead ? null : AuditLog.Head.parse(head);
      AuditLog.Verification result = log.verify(exported);
      if (!result.intact()) {
        if (json.enabled) {
          Output.json(context.terminal().out(), result);
        } else {
          context
              .terminal()
              .out()
              .println(
                  "audit trail of '"
                      + pocket.name()
                      + "' was tampered with at entry "
                      + result.firstBadSeq()
                      + ": "
                      + result.problem());
        }
        return ExitCodes.FAILED;
      }
      if (exportHead && !verify) {
        printHead(result);
      } else if (json.enabled) {
        Output.json(context.terminal().out(), result);
      } else {
        printIntact(pocket, result, exported);
      }
      return ExitCodes.OK;
    }
    AuditQuery query = AuditQuery.recent().limit(limit);
    if (since != null) {
      query = query.since(parseSince(since));
    }
    if (connector != null) {
      query = query.connector(connector);
    }
    List<AuditEntry> entries = log.read(query);
    if (json.enabled) {
      Output.json(context.terminal().out(), entries);
      return ExitCodes.OK;
    }
    Output.table(
        context.terminal().out(),
        List.of(
            "TIME",
            "WHO",
            "CONNECTOR",
            "KIND",
            "TARGET",
            "TRUST",
            "OUTCOME",
            "MS",
            "PARAMETERS / ERROR"),
        entries.stream()
            .map(
                e ->
                    List.<Object>of(
                        e.time(),
                        e.actor(),
                        e.connector(),
                        e.kind().name().toLowerCase(Locale.ROOT),
                        e.target() == null ? "-" : e.target(),
                        e.decision() == null ? "-" : e.decision(),
                        e.outcome().wireName(),
                        e.durationMillis(),
                        e.error() != null ? e.error() : e.parametersJson()))
            .toList());
    return ExitCodes.OK;
  }

  private void printHead(AuditLog.Verification result) {
    String text = result.head() == null ? null : result.head().toString();
    if (json.enabled) {
      Output.json(context.terminal().out(), Collections.singletonMap("head", text));
    } else {
      context
          .terminal()
          .out()
          .println(text == null ? "the audit trail is empty: it has no head yet" : text);
    }
  }

  private void printIntact(Pocket pocket, AuditLog.Verification result, AuditLog.Head exported) {
    var out = context.terminal().out();
    out.println(
        "audit trail of '"
            + pocket.name()
            + "' is intact: "
            + result.rows()
            + " entries, head "
            + (result.head() == null ? "-" : result.head()));
    if (exported != null) {
      out.println(
          "it still holds the exported head "
              + exported
              + ": entries 1 to "
              + exported.seq()
              + " are the ones that were there when it was exported");
    }
    if (result.unkeyedRows() > 0) {
      out.println(
          "note: the first "
              + result.unkeyedRows()
              + " entries were written before the chain was keyed;"
              + (result.unkeyedRows() < result.rows()
                  ? " the keyed entries after them seal them from now on"
                  : " until a new entry seals them, anyone who can write pocket.db could rewrite them undetected"));
    }
  }

  static Instant parseSince(String text) {
    Duration age = DurationConverter.parse(text);
    if (age != null) {
      return Instant.now().minus(age);
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--since takes an ISO-8601 time (2026-11-24T09:00:00Z) or an age such as"
              + " 30m, 12h or 7d, not '"
              + text
              + "'");
    }
  }
}
