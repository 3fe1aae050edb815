package dev.paw.spec.link;

import dev.paw.spec.ActionSpec;
import dev.paw.spec.ParamSpec;
import dev.paw.spec.ParamType;
import dev.paw.spec.Values;
import dev.paw.spec.diagnostic.Diagnostics;
import dev.paw.spec.diagnostic.Wording;
import dev.paw.spec.read.ReadStream;
import dev.paw.spec.read.WrittenParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a stream's fixed parameters to its source action: each must be a parameter of it and of its
 * type, and of its {@code items} type for an array that declares one (whole numbers given for
 * {@code number} parameters become numbers). One check for the source the file names and the one
 * the linker infers; only the wording differs, since an inferred source was never written.
 */
final class SourceParams {

  private final Diagnostics diagnostics;

  SourceParams(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The parameters that fit, in order; each one that does not is reported and left out. */
  Map<String, Object> fit(ReadStream stream, ActionSpec source, boolean inferred) {
    Map<String, Object> fitted = new LinkedHashMap<>();
    String what = stream.what();
    for (WrittenParam written : stream.params()) {
      String name = written.name();
      ParamSpec param = source.param(name).orElse(null);
      if (param == null) {
        List<String> names = source.allParams().stream().map(ParamSpec::name).toList();
        if (inferred) {
          diagnostics.error(
              stream.stream().location(),
              "parameter '"
                  + name
                  + "' in "
                  + what
                  + " is not a parameter"
                  + " of '"
                  + source.name()
                  + "', the source action inferred from the table name (name the source with"
                  + " 'source')");
        } else {
          diagnostics.error(
              written.key(),
              "parameter '"
                  + name
                  + "' in "
                  + what
                  + " is not a parameter of its source"
                  + " action '"
                  + source.name()
                  + "'"
                  + (names.isEmpty() ? " (it has none)" : Wording.hintOrList(name, names, names)));
        }
        continue;
      }
      Object value = written.value();
      if (param.type() == ParamType.NUMBER && value instanceof Long l) {
        value = l.doubleValue();
      }
      if (!param.type().accepts(value)) {
        diagnostics.error(
            inferred ? stream.stream().location() : written.at(),
            "parameter '"
                + name
                + "' in "
                + what
                + " must be "
                + Wording.article(param.type().wireName())
                + " (as action '"
                + source.name()
                + "' declares it), not "
                + (inferred ? Wording.article(Values.typeName(value)) : written.shown()));
        continue;
      }
      if (!param.accepts(value)) {
        diagnostics.error(
            inferred ? stream.stream().location() : written.at(),
            "parameter '"
                + name
                + "' in "
                + what
                + " "
                + Wording.notOfItems(param.items().wireName(), "action '" + source.name() + "'"));
        continue;
      }
      fitted.put(name, value);
    }
    return fitted;
  }
}
