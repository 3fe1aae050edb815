package dev.paw.spec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that, when a file is not UTF-8, says where the first bad byte is. */
final class Utf8Text {

  private Utf8Text() {}

  /**
   * Decoded text, or the line and column (1-based, in characters) and value of the first byte that
   * is not UTF-8.
   */
  record Decoded(String text, int line, int column, int badByte) {
    boolean ok() {
      return text != null;
    }
  }

  static Decoded decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (!result.isError()) {
      return new Decoded(out.toString(), 0, 0, 0);
    }
    String before = out.toString();
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int column = before.length() - before.lastIndexOf('\n');
    return new Decoded(null, line, column, bytes[in.position()] & 0xff);
  }
}
