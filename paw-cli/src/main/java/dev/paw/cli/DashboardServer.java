package dev.paw.cli;

import dev.paw.dashboard.Dashboard;
import dev.paw.runtime.pocket.Pocket;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Starts the dashboard for {@code paw serve} and {@code paw daemon --serve}, prints its URL (with
 * the token, which the page moves into a cookie) and, when asked, opens it in the browser.
 */
final class DashboardServer {

  private DashboardServer() {}

  static Dashboard start(CliContext context, int port, String pocketName, boolean open)
      throws Exception {
    Pocket pocket = pocketName == null ? null : context.existingPocket(pocketName);
    Dashboard dashboard = Dashboard.start(context.paw(), port);
    URI url = pocket == null ? dashboard.url() : dashboard.pocketUrl(pocket.slug());
    context.terminal().out().println("paw serve: " + url + " (read-only; stop with Ctrl-C)");
    context.terminal().out().flush();
    if (open) {
      openInBrowser(context, url);
    }
    return dashboard;
  }

  private static void openInBrowser(CliContext context, URI url) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> command =
        os.contains("mac")
            ? List.of("open", url.toString())
            : os.contains("win")
                ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                : List.of("xdg-open", url.toString());
    try {
      new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      context
          .terminal()
          .err()
          .println("paw serve: could not start a browser (" + command.get(0) + "); open the URL");
    }
  }
}
