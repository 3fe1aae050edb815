package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ChildRequestSpec;
import dev.paw.spec.FieldPath;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.TrustLevel;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadChildRequest;
import dev.paw.spec.read.Reference;
import dev.paw.spec.read.WrittenParam;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a stream's {@code each}: the action must exist, fetch over HTTP and be at trust level
 * {@code auto} (a sync calls it once per listed record with nobody to approve), every parameter
 * given must be one of its parameters with a well-formed {@code {field}} template, and every
 * required one must be given.
 */
final class ChildRequestLinker {

  private final Diagnostics diagnostics;

  ChildRequestLinker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The request per record, or {@code null} (with an error) when its action cannot be called. */
  ChildRequestSpec link(ReadChildRequest each, String what, List<ActionSpec> actions) {
    Reference named = each.action();
    String name = named.name();
    ActionSpec action =
        actions.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    if (action == null) {
      diagnostics.error(
          named.location(),
          "'each' of "
              + what
              + " calls '"
              + name
              + "', which is not an action of this"
              + " connector"
              + Wording.didYouMean(name, actions.stream().map(ActionSpec::name).toList()));
      return null;
    }
    if (action.method() == HttpMethod.LOCAL || action.url() == null) {
      diagnostics.error(
          named.location(),
          "'each' of "
              + what
              + " calls '"
              + name
              + "', which has no url to fetch a"
              + " record from");
      return null;
    }
    if (action.trustLevel() != TrustLevel.AUTO) {
      // a sync runs unattended and calls the child once per record: nobody could approve each call
      diagnostics.error(
          named.location(),
          "'each' of "
              + what
              + " calls '"
              + name
              + "', which is at trust level '"
              + action.trustLevel().wireName()
              + "': a sync calls it once per listed record with nobody to approve,"
              + " so it must be 'auto'");
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    Set<String> given = new HashSet<>();
    for (WrittenParam param : each.params()) {
      given.add(param.name());
      if (param.value() instanceof String value && check(param, value, action, what)) {
        params.put(param.name(), value);
      }
    }
    for (ParamSpec param : action.allParams()) {
      if (param.required() && param.defaultValue() == null && !given.contains(param.name())) {
        diagnostics.error(
            named.location(),
            "'each' of "
                + what
                + " does not give '"
                + param.name()
                + "', which '"
                + name
                + "' needs (set it under params, e.g. "
                + param.name()
                + ": \"{id}\")");
      }
    }
    return new ChildRequestSpec(each.location(), name, params);
  }

  private boolean check(WrittenParam param, String value, ActionSpec action, String what) {
    String name = param.name();
    if (action.param(name).isEmpty()) {
      diagnostics.error(
          param.key(),
          "parameter '"
              + name
              + "' in 'each' of "
              + what
              + " is not a parameter of '"
              + action.name()
              + "'"
              + Wording.didYouMean(
                  name, action.allParams().stream().map(ParamSpec::name).toList()));
      return false;
    }
    String outside = value.replaceAll("\\{[^{}]+}", "");
    if (outside.indexOf('{') >= 0 || outside.indexOf('}') >= 0) {
      diagnostics.error(
          param.at(),
          "malformed parameter '"
              + name
              + "' in 'each' of "
              + what
              + ": a brace"
              + " without its partner (write {field} for a field of the listed record)");
      return false;
    }
    for (String field : ChildRequestSpec.fieldsIn(value)) {
      if (FieldPath.parse(field).isEmpty()) {
        diagnostics.error(
            param.at(),
            "'{"
                + field
                + "}' in 'each' of "
                + what
                + " is not a field path of the"
                + " listed record");
        return false;
      }
    }
    return true;
  }
}
