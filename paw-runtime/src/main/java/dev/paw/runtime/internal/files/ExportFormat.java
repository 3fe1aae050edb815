package dev.paw.runtime.internal.files;

import java.util.Locale;

/** The formats {@code export_table} writes. */
public enum ExportFormat {
  CSV,
  JSON;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExportFormat of(String wireName) {
    for (ExportFormat format : values()) {
      if (format.wireName().equalsIgnoreCase(wireName.trim())) {
        return format;
      }
    }
    throw new FileActionException("unknown export format '" + wireName + "'; expected csv or json");
  }
}
