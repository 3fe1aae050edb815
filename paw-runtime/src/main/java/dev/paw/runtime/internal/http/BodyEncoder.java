package dev.paw.runtime.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/** Writes checked parameter values into query strings and request bodies. */
final class BodyEncoder {

  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private BodyEncoder() {}

  /**
   * Adds one query parameter: scalars as {@code name=value}, arrays as repeated {@code name=item},
   * objects as one {@code key=value} pair per entry (how PocketPaw's {@code query: {type: object}}
   * parameters are meant). Values nested deeper are written as JSON text. OkHttp encodes each name
   * and value, so none can start another parameter.
   */
  static void addQuery(HttpUrl.Builder url, String name, Object value) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> addRepeated(url, String.valueOf(k), v));
    } else {
      addRepeated(url, name, value);
    }
  }

  private static void addRepeated(HttpUrl.Builder url, String name, Object value) {
    if (value instanceof List<?> list) {
      for (Object item : list) {
        url.addQueryParameter(name, ValueText.of(item));
      }
    } else {
      url.addQueryParameter(name, ValueText.of(value));
    }
  }

  /** A JSON object of the body fields. */
  static RequestBody json(Map<String, Object> fields) {
    try {
      return RequestBody.create(ValueText.JSON.writeValueAsBytes(fields), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the body as JSON", e);
    }
  }

  /**
   * A form body, nested the way Stripe and Rails read it: {@code metadata[order]=6735} for objects,
   * {@code tags[]=a&tags[]=b} for arrays of plain values, {@code items[0][price]=p1} for arrays
   * that hold objects or arrays. A null inside an object is sent as an empty value (Stripe's way to
   * unset a field).
   */
  static RequestBody form(Map<String, Object> fields) {
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach((name, value) -> addForm(form, name, value));
    return form.build();
  }

  private static void addForm(FormBody.Builder form, String name, Object value) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> addForm(form, name + "[" + k + "]", v));
    } else if (value instanceof List<?> list) {
      boolean flat = list.stream().allMatch(ValueText::isScalar);
      for (int i = 0; i < list.size(); i++) {
        addForm(form, flat ? name + "[]" : name + "[" + i + "]", list.get(i));
      }
    } else {
      form.add(name, ValueText.of(value));
    }
  }
}
