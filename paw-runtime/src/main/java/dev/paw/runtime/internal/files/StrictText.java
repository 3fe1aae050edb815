package dev.paw.runtime.internal.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a text file in a given encoding, strictly: bytes that are not valid in it are an error,
 * never replaced with U+FFFD, because a silently changed character is a changed value. A leading
 * byte order mark is dropped.
 */
final class StrictText {

  private StrictText() {}

  static Reader open(Path file, Charset charset) throws IOException {
    return open(file, charset, new AtomicLong());
  }

  /** As {@link #open(Path, Charset)}, counting the bytes read from the file in {@code read}. */
  static Reader open(Path file, Charset charset, AtomicLong read) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    PushbackReader reader =
        new PushbackReader(
            new InputStreamReader(new CountingStream(Files.newInputStream(file), read), decoder),
            1);
    int first;
    try {
      first = reader.read();
    } catch (CharacterCodingException e) {
      reader.close();
      throw encodingError(
          file, file.getFileName().toString(), charset); // the very first bytes: say which and how
    }
    if (first >= 0 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }

  /**
   * Finds the first bytes of {@code file} that are not valid {@code charset} and explains them with
   * their line (lines end at CR, LF or CRLF, as in the CSV reader's line numbers).
   */
  static FileActionException encodingError(Path file, String name, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    CharBuffer out = CharBuffer.allocate(1 << 16);
    long consumed = 0;
    long line = 1;
    boolean afterCr = false;
    try (InputStream bytes = Files.newInputStream(file)) {
      boolean end = false;
      while (true) {
        if (!end) {
          int n = bytes.read(in.array(), in.position(), in.remaining());
          if (n < 0) {
            end = true;
          } else {
            in.position(in.position() + n);
          }
        }
        in.flip();
        int start = in.position();
        CoderResult result = decoder.decode(in, out, end);
        out.flip();
        while (out.hasRemaining()) {
          char c = out.get();
          if (c == '\n') {
            line += afterCr ? 0 : 1;
          } else if (c == '\r') {
            line++;
          }
          afterCr = c == '\r';
        }
        out.clear();
        if (result.isError()) {
          long offset = consumed + (in.position() - start);
          StringBuilder hex = new StringBuilder();
          for (int i = 0; i < result.length(); i++) {
            hex.append(i > 0 ? " " : "")
                .append(String.format(Locale.ROOT, "%02X", in.get(in.position() + i) & 0xff));
          }
          return FileActionException.at(
              name,
              line,
              "byte"
                  + (result.length() > 1 ? "s " : " ")
                  + hex
                  + " at byte offset "
                  + offset
                  + (result.length() > 1 ? " are" : " is")
                  + " not valid "
                  + charset.name()
                  + "; pass the file's encoding (e.g. encoding=windows-1252)");
        }
        consumed += in.position() - start;
        in.compact();
        if (end && result.isUnderflow()) {
          break;
        }
      }
    } catch (IOException e) {
      return new FileActionException(name, 0, null, "cannot read: " + e.getMessage(), e);
    }
    return FileActionException.at(name, 0, "is not valid " + charset.name());
  }

  /** Adds the bytes it reads to a counter another thread may read. */
  private static final class CountingStream extends FilterInputStream {
    private final AtomicLong read;

    CountingStream(InputStream in, AtomicLong read) {
      super(in);
      this.read = read;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        read.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }
  }
}
