package dev.paw.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints results: aligned text tables for people, JSON ({@code --json}) for programs. */
final class Output {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  static {
    JSON.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
  }

  /**
   * JSON escapes ({@code \u009b}) for what a terminal would obey: programs read the same string,
   * and the terminal filter has nothing left to change. Jackson escapes C0 controls itself.
   */
  private static final class TerminalSafeEscapes extends CharacterEscapes {
    private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

    TerminalSafeEscapes() {
      escapes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch <= 0xffff && TerminalText.isUnsafe((char) ch)
          ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch))
          : null;
    }
  }

  private Output() {}

  static void json(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A JSON document re-indented for reading, every value exactly as written: numbers keep their
   * text ({@code 1E2}, {@code -0.0}, {@code 1.50}), which a round trip through Java numbers would
   * not.
   */
  static void jsonText(PrintWriter out, byte[] document) {
    StringWriter text = new StringWriter();
    try (JsonParser parser = JSON.getFactory().createParser(document);
        JsonGenerator generator =
            JSON.getFactory().createGenerator(text).useDefaultPrettyPrinter()) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          generator.writeNumber(parser.getText());
        } else {
          generator.copyCurrentEvent(parser);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
    }
    out.println(text);
  }

  /**
   * Columns padded to their widest cell; {@code null} prints as {@code -}; line breaks, tabs and
   * other control characters in cells are shown, not obeyed ({@link TerminalText#singleLine}).
   */
  static void table(PrintWriter out, List<String> headers, List<List<Object>> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(headers);
    for (List<Object> row : rows) {
      // one line per row: a line break in a value (a description, an error) would forge the rows
      // below it
      cells.add(
          row.stream()
              .map(v -> v == null ? "-" : TerminalText.singleLine(String.valueOf(v)))
              .toList());
    }
    int[] widths = new int[headers.size()];
    for (List<String> row : cells) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(
            i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
