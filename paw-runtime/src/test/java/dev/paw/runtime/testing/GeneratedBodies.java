package dev.paw.runtime.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Big answers for the limit tests, written as the client reads them rather than held in memory: a
 * chunked JSON array of records of any size, and a gzip bomb (small on the wire, huge once
 * inflated).
 */
public final class GeneratedBodies {

  private GeneratedBodies() {}

  /**
   * A JSON array of records {@code {"id":N,"name":"xxx..."}} from {@code firstId} on, about {@code
   * bytes} long, chunked (no Content-Length: the client only learns its size by reading it).
   */
  public static MockResponse records(long bytes, int firstId) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .addHeader("Transfer-Encoding", "chunked")
        .body(
            new MockResponseBody() {
              @Override
              public long getContentLength() {
                return -1;
              }

              @Override
              public void writeTo(BufferedSink sink) throws IOException {
                String name = "x".repeat(1000);
                chunk(sink, "[");
                long written = 1;
                for (int id = firstId; written < bytes; id++) {
                  String record =
                      (id > firstId ? "," : "") + "{\"id\":" + id + ",\"name\":\"" + name + "\"}";
                  chunk(sink, record);
                  written += record.length();
                }
                chunk(sink, "]");
                sink.writeUtf8("0\r\n\r\n");
                sink.flush();
              }
            })
        .build();
  }

  private static void chunk(BufferedSink sink, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sink.writeHexadecimalUnsignedLong(bytes.length)
        .writeUtf8("\r\n")
        .write(bytes)
        .writeUtf8("\r\n");
  }

  /** {@code inflated} zero bytes, gzipped: about a thousandth of that on the wire. */
  public static Buffer gzipBomb(long inflated) throws IOException {
    return gzipBomb(inflated, (byte) 0);
  }

  /**
   * {@code inflated} bytes of {@code fill}, gzipped; with a space it is the start of a JSON
   * document, which a parser reads on through without complaint.
   */
  public static Buffer gzipBomb(long inflated, byte fill) throws IOException {
    Buffer compressed = new Buffer();
    byte[] block = new byte[1 << 16];
    Arrays.fill(block, fill);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(compressed.outputStream(), 1 << 16) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      for (long left = inflated; left > 0; left -= block.length) {
        gzip.write(block, 0, (int) Math.min(block.length, left));
      }
    }
    return compressed;
  }
}
