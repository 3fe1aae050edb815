package dev.paw.runtime.internal.files;

import dev.paw.runtime.ActionResult;
import dev.paw.runtime.LocalActions;
import dev.paw.runtime.SyncListener;
import dev.paw.runtime.internal.pocket.PocketDatabase;
import dev.paw.runtime.pocket.Pocket;
import dev.paw.spec.ActionSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The file connector's {@code LOCAL} actions (connectors/csv.yaml) as the runtime calls them: each
 * runs on the pocket's own database, {@code query_table} on a read-only connection to it. A file to
 * import or export may not be one of paw's own files ({@link Pocket#isPawFile}): these actions run
 * at trust level {@code auto}.
 */
public final class FileConnector implements LocalActions {

  /** The connector these actions belong to. */
  public static final String NAME = "csv";

  private final FileActions actions;
  private final SyncListener listener;

  public FileConnector() {
    this(new FileActions());
  }

  public FileConnector(FileActions actions) {
    this(actions, null);
  }

  /**
   * @param listener told how far each import has got ({@link SyncListener#onProgress}), or {@code
   *     null}
   */
  public FileConnector(FileActions actions, SyncListener listener) {
    this.actions = actions;
    this.listener = listener;
  }

  @Override
  public ActionResult run(ActionSpec action, Map<String, Object> params, Pocket pocket)
      throws Exception {
    long started = System.nanoTime();
    for (String parameter : List.of("file_path", "output_path")) {
      Object path = params.get(parameter);
      if (path != null && pocket.isPawFile(Path.of(path.toString()))) {
        throw new FileActionException(
            path
                + ": is in paw's own files (pockets' databases, credentials, keys);"
                + " "
                + action.name()
                + " neither reads nor writes there");
      }
    }
    try (Connection db = PocketDatabase.open(pocket)) {
      FileActionResult result =
          actions.execute(
              action.name(),
              params,
              db,
              pocket::openReadOnlyConnection,
              new ImportProgress(listener, pocket.slug()));
      return ActionResult.ofJson(
          action.name(), result.toJson(), Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
