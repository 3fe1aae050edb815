package dev.paw.spec.read;

import dev.paw.spec.Location;

/**
 * A parameter value a stream or its {@code each} fixes for an action it calls, before it is checked
 * against that action's parameters.
 *
 * @param value the value as read ({@code null} when the file gave none)
 * @param shown the value as messages describe it ({@code the string 'abc'})
 * @param key where the parameter's name was written
 * @param at where its value was written
 */
public record WrittenParam(String name, Object value, String shown, Location key, Location at) {}
