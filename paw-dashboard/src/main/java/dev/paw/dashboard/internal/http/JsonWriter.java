package dev.paw.dashboard.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.HexFormat;

/**
 * JSON for the page, keeping stored values exact in a browser: integers beyond JavaScript's safe
 * range and non-finite reals travel as strings, blobs as {@code x'..'} hex text.
 */
final class JsonWriter {

  private static final long SAFE = (1L << 53) - 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(
              new SimpleModule()
                  .addSerializer(Long.class, new LongSerializer())
                  .addSerializer(Double.class, new DoubleSerializer())
                  .addSerializer(byte[].class, new BlobSerializer()));

  private JsonWriter() {}

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static final class LongSerializer extends JsonSerializer<Long> {
    @Override
    public void serialize(Long value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      if (Math.abs(value) > SAFE) {
        out.writeString(value.toString());
      } else {
        out.writeNumber(value);
      }
    }
  }

  private static final class DoubleSerializer extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      if (value.isInfinite() || value.isNaN()) {
        out.writeString(value.toString());
      } else {
        out.writeNumber(value);
      }
    }
  }

  private static final class BlobSerializer extends JsonSerializer<byte[]> {
    @Override
    public void serialize(byte[] value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      int shown = Math.min(value.length, 64);
      out.writeString(
          "x'"
              + HexFormat.of().formatHex(value, 0, shown)
              + "'"
              + (shown < value.length ? " (" + value.length + " bytes)" : ""));
    }
  }
}
