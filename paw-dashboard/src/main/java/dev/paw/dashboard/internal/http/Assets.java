package dev.paw.dashboard.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The page's files, served from the jar: a fixed list, nothing else on the class path. */
final class Assets {

  private static final String ROOT = "/dev/paw/dashboard/web/";

  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "app.js", "text/javascript; charset=utf-8",
          "render.js", "text/javascript; charset=utf-8",
          "tables.js", "text/javascript; charset=utf-8",
          "style.css", "text/css; charset=utf-8",
          "vendor/chart.umd.min.js", "text/javascript; charset=utf-8");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** The content type of a served file, or {@code null} if it is not one. */
  String type(String name) {
    return TYPES.get(name);
  }

  byte[] read(String name) {
    return cache.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = Assets.class.getResourceAsStream(ROOT + n)) {
            if (in == null) {
              throw new IllegalStateException("the page's file " + n + " is missing from the jar");
            }
            return in.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
