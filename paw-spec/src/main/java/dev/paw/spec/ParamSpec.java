package dev.paw.spec;

import java.util.List;

/**
 * A parameter of an action. Its name is the wire name and need not be a Java identifier ({@code
 * statuses[]}, {@code $top}).
 *
 * @param defaultValue applied when the caller gives no value; {@code null} when there is none
 * @param enumValues the allowed values; empty when any value of the type is allowed
 * @param in where the value goes in the request
 * @param items for an {@code array} parameter, the type of its elements when the file says ({@code
 *     items}); else {@code null}
 */
public record ParamSpec(
    Location location,
    String name,
    ParamType type,
    boolean required,
    Object defaultValue,
    List<Object> enumValues,
    String description,
    ParamIn in,
    ParamType items) {

  public ParamSpec {
    enumValues = List.copyOf(enumValues);
  }

  /** A parameter whose elements, if it is an array, have no declared type. */
  public ParamSpec(
      Location location,
      String name,
      ParamType type,
      boolean required,
      Object defaultValue,
      List<Object> enumValues,
      String description,
      ParamIn in) {
    this(location, name, type, required, defaultValue, enumValues, description, in, null);
  }

  /**
   * Whether {@code value} is of this parameter's type and, for an array that declares {@code
   * items}, every element of its item type.
   */
  public boolean accepts(Object value) {
    if (!type.accepts(value)) {
      return false;
    }
    return items == null
        || !(value instanceof List<?> list)
        || list.stream().allMatch(items::accepts);
  }

  public ParamSpec withIn(ParamIn newIn) {
    return new ParamSpec(
        location, name, type, required, defaultValue, enumValues, description, newIn, items);
  }

  /**
   * A builder for an optional parameter with no default, no allowed values and no description, sent
   * in the query.
   */
  public static Builder builder(Location location, String name, ParamType type) {
    return new Builder(location, name, type);
  }

  /**
   * Builds a {@link ParamSpec}; every value not set keeps the default {@link #builder} describes.
   */
  public static final class Builder {
    private final Location location;
    private final String name;
    private final ParamType type;
    private boolean required;
    private Object defaultValue;
    private List<Object> enumValues = List.of();
    private String description;
    private ParamIn in = ParamIn.QUERY;
    private ParamType items;

    private Builder(Location location, String name, ParamType type) {
      this.location = location;
      this.name = name;
      this.type = type;
    }

    public Builder required(boolean value) {
      required = value;
      return this;
    }

    public Builder defaultValue(Object value) {
      defaultValue = value;
      return this;
    }

    public Builder enumValues(List<Object> value) {
      enumValues = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder in(ParamIn value) {
      in = value;
      return this;
    }

    public Builder items(ParamType value) {
      items = value;
      return this;
    }

    public ParamSpec build() {
      return new ParamSpec(
          location, name, type, required, defaultValue, enumValues, description, in, items);
    }
  }
}
