package dev.paw.runtime.internal.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * A JSON number or boolean exactly as an imported file wrote it ({@code 1E2}, {@code -0.0}, {@code
 * 12345678901234567890}): written back raw, so a JSON export gives the same literal, which no Java
 * number type would ({@code BigDecimal} writes {@code 1E+2}, and {@code -0.0} loses its sign).
 */
record JsonLiteral(String text) implements JsonSerializable {

  @Override
  public void serialize(JsonGenerator json, SerializerProvider serializers) throws IOException {
    json.writeRawValue(text);
  }

  @Override
  public void serializeWithType(
      JsonGenerator json, SerializerProvider serializers, TypeSerializer types) throws IOException {
    serialize(json, serializers);
  }

  @Override
  public String toString() {
    return text;
  }
}
