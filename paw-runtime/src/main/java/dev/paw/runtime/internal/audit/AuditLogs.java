package dev.paw.runtime.internal.audit;

import dev.paw.runtime.audit.AuditLog;
import dev.paw.runtime.internal.credentials.MasterKey;
import dev.paw.runtime.pocket.Pocket;
import java.util.function.BiFunction;

/**
 * Opens a pocket's {@link AuditLog} for the runtime. The log is keyed under the internal {@link
 * MasterKey}, so its constructor is not public API: when {@code AuditLog} loads it hands this class
 * the one way to call it, once.
 */
public final class AuditLogs {

  private static volatile BiFunction<Pocket, MasterKey, AuditLog> opener;

  private AuditLogs() {}

  /** The pocket's trail, its chain keyed under {@code masterKey}. */
  public static AuditLog open(Pocket pocket, MasterKey masterKey) {
    if (opener == null) {
      loadAuditLog();
    }
    return opener.apply(pocket, masterKey);
  }

  /** Called by {@code AuditLog} as it loads; refused after that. */
  public static synchronized void register(BiFunction<Pocket, MasterKey, AuditLog> value) {
    if (opener != null) {
      throw new IllegalStateException("the audit log opener is registered already");
    }
    opener = value;
  }

  private static void loadAuditLog() {
    try {
      Class.forName(AuditLog.class.getName(), true, AuditLog.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
