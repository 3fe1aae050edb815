package dev.paw.spec;

import java.util.List;

/**
 * A parameter of an action. Its name is the wire name and need not be a Java identifier ({@code statuses[]},
 * {@code $top}).
 *
 * @param defaultValue applied when the caller gives no value; {@code null} when there is none
 * @param enumValues the allowed values; empty when any value of the type is allowed
 * @param in where the value goes in the request
 */
public record ParamSpec(
    Location location,
    String name,
    ParamType type,
    boolean required,
    Object defaultValue,
    List<Object> enumValues,
    String description,
    ParamIn in) {

  public ParamSpec {
    enumValues = List.copyOf(enumValues);
  }

  public ParamSpec withIn(ParamIn newIn) {
    return new ParamSpec(location, name, type, required, defaultValue, enumValues, description, newIn);
  }
}
