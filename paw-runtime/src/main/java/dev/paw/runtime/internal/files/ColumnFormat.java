package dev.paw.runtime.internal.files;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;
import java.util.Locale;

/**
 * How one imported column is stored and how its stored values are turned back into the file's exact
 * text. The {@link #code() code} (e.g. {@code real:2}, {@code boolean:TRUE/FALSE}) is kept in
 * {@code _paw_imports}, since SQLite's declared type alone cannot say how {@code 1.50} or {@code
 * TRUE} were written.
 */
record ColumnFormat(Kind kind, int scale, String trueText, String falseText) {

  /** The stored kinds, each with the SQL type the table declares. */
  enum Kind {
    INTEGER("INTEGER"),
    REAL("REAL"),
    BOOLEAN("BOOLEAN"),
    DATE("DATE"),
    DATETIME("DATETIME"),
    TEXT("TEXT"),
    /**
     * JSON numbers and booleans no other kind keeps exactly ({@code 1E2}, {@code -0.0}, a mix):
     * text, exported raw.
     */
    JSON("TEXT"),
    /** A column paw did not import: values are shown as SQLite holds them. */
    NATIVE("");

    private final String sqlType;

    Kind(String sqlType) {
      this.sqlType = sqlType;
    }

    String sqlType() {
      return sqlType;
    }
  }

  static final ColumnFormat INTEGER = new ColumnFormat(Kind.INTEGER, 0, null, null);
  static final ColumnFormat REAL_SHORTEST = new ColumnFormat(Kind.REAL, 0, null, null);
  static final ColumnFormat DATE = new ColumnFormat(Kind.DATE, 0, null, null);
  static final ColumnFormat DATETIME = new ColumnFormat(Kind.DATETIME, 0, null, null);
  static final ColumnFormat TEXT = new ColumnFormat(Kind.TEXT, 0, null, null);
  static final ColumnFormat JSON_LITERAL = new ColumnFormat(Kind.JSON, 0, null, null);
  static final ColumnFormat NATIVE = new ColumnFormat(Kind.NATIVE, 0, null, null);

  private static final MathContext DOUBLE_DIGITS =
      new MathContext(ValueShape.MAX_REAL_DIGITS, RoundingMode.HALF_EVEN);

  static ColumnFormat realScale(int scale) {
    return new ColumnFormat(Kind.REAL, scale, null, null);
  }

  static ColumnFormat bool(String trueText, String falseText) {
    return new ColumnFormat(Kind.BOOLEAN, 0, trueText, falseText);
  }

  /**
   * The best format every value of a column fits, from the AND of their {@link ValueShape shapes}.
   * A column with no values at all is text: nothing says it is anything else.
   */
  static ColumnFormat choose(int shapes, long nonNullValues) {
    if (nonNullValues == 0) {
      return TEXT;
    }
    if ((shapes & ValueShape.INTEGER) != 0) {
      return INTEGER;
    }
    if ((shapes & ValueShape.BOOLEAN_LOWER) != 0) {
      return bool("true", "false");
    }
    if ((shapes & ValueShape.BOOLEAN_UPPER) != 0) {
      return bool("TRUE", "FALSE");
    }
    if ((shapes & ValueShape.BOOLEAN_TITLE) != 0) {
      return bool("True", "False");
    }
    int scale = ValueShape.scaleOf(shapes);
    if (scale > 0) {
      return realScale(scale);
    }
    if ((shapes & ValueShape.REAL_SHORTEST) != 0) {
      return REAL_SHORTEST;
    }
    if ((shapes & ValueShape.DATE) != 0) {
      return DATE;
    }
    if ((shapes & ValueShape.DATETIME) != 0) {
      return DATETIME;
    }
    if ((shapes & ValueShape.JSON_LITERAL) != 0) {
      return JSON_LITERAL;
    }
    return TEXT;
  }

  /** The shape bit a value must have to be stored in this format. */
  int shape() {
    switch (kind) {
      case INTEGER:
        return ValueShape.INTEGER;
      case REAL:
        return scale > 0 ? ValueShape.realScale(scale) : ValueShape.REAL_SHORTEST;
      case BOOLEAN:
        return "true".equals(trueText)
            ? ValueShape.BOOLEAN_LOWER
            : "TRUE".equals(trueText) ? ValueShape.BOOLEAN_UPPER : ValueShape.BOOLEAN_TITLE;
      case DATE:
        return ValueShape.DATE;
      case DATETIME:
        return ValueShape.DATETIME;
      case JSON:
        return ValueShape.JSON_LITERAL;
      default:
        return ValueShape.TEXT;
    }
  }

  String sqlType() {
    return kind.sqlType();
  }

  /**
   * Stored in {@code _paw_imports}: {@code integer}, {@code real}, {@code real:2}, {@code
   * boolean:true/false}, ...
   */
  String code() {
    String name = kind.name().toLowerCase(Locale.ROOT);
    if (kind == Kind.REAL && scale > 0) {
      return name + ":" + scale;
    }
    if (kind == Kind.BOOLEAN) {
      return name + ":" + trueText + "/" + falseText;
    }
    return name;
  }

  static ColumnFormat parse(String code) {
    int colon = code.indexOf(':');
    Kind kind =
        Kind.valueOf((colon < 0 ? code : code.substring(0, colon)).toUpperCase(Locale.ROOT));
    String detail = colon < 0 ? "" : code.substring(colon + 1);
    switch (kind) {
      case REAL:
        return detail.isEmpty() ? REAL_SHORTEST : realScale(Integer.parseInt(detail));
      case BOOLEAN:
        int slash = detail.indexOf('/');
        return bool(detail.substring(0, slash), detail.substring(slash + 1));
      default:
        return new ColumnFormat(kind, 0, null, null);
    }
  }

  /**
   * Binds a value that {@link ValueShape#classify fits} this format. Only called after the shape
   * check: a value that does not fit never reaches the table, so {@code parseLong("007")} cannot
   * happen.
   */
  void bind(PreparedStatement statement, int index, String value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
      return;
    }
    switch (kind) {
      case INTEGER:
        statement.setLong(index, Long.parseLong(value));
        break;
      case REAL:
        statement.setDouble(index, Decimals.parse(value));
        break;
      case BOOLEAN:
        statement.setInt(index, value.equals(trueText) ? 1 : 0);
        break;
      default:
        statement.setString(index, value);
    }
  }

  /**
   * The stored value at {@code index} as the exact text it was imported from; {@code null} for
   * NULL.
   */
  String text(ResultSet row, int index) throws SQLException {
    Object value = row.getObject(index);
    if (value == null) {
      return null;
    }
    if (kind == Kind.BOOLEAN && value instanceof Number) {
      return ((Number) value).longValue() != 0 ? trueText : falseText;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return kind == Kind.REAL && Double.isFinite(d)
          ? decimal(d).toPlainString()
          : Double.toString(d);
    }
    if (value instanceof byte[]) {
      return Base64.getEncoder().encodeToString((byte[]) value);
    }
    return value.toString();
  }

  /**
   * The stored value as a JSON-friendly object: numbers stay numbers (a scaled REAL as a {@link
   * BigDecimal} that keeps {@code 1.50}), booleans become {@code true}/{@code false}, dates and
   * text are strings.
   */
  Object json(ResultSet row, int index) throws SQLException {
    Object value = row.getObject(index);
    if (value == null) {
      return null;
    }
    if (kind == Kind.BOOLEAN && value instanceof Number) {
      return ((Number) value).longValue() != 0;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return kind == Kind.REAL && Double.isFinite(d) ? decimal(d) : (Object) d;
    }
    if (value instanceof Integer) {
      return ((Integer) value).longValue();
    }
    if (kind == Kind.JSON) {
      return new JsonLiteral(value.toString());
    }
    return value;
  }

  /**
   * A double back as the decimal it was parsed from: rounding to 15 significant digits recovers any
   * decimal of at most 15 digits, then the column's scale restores trailing zeros ({@code 1.5} to
   * {@code 1.50}). A value with more decimals than the scale keeps them (a query may show another
   * column's values under this one's name): a format adds zeros, it never rounds a value away.
   */
  BigDecimal decimal(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    BigDecimal shortest = new BigDecimal(value).round(DOUBLE_DIGITS).stripTrailingZeros();
    return shortest.scale() < scale ? shortest.setScale(scale) : shortest;
  }
}
