package dev.paw.runtime;

import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ConnectorSpec;
import java.util.Map;

/**
 * A connector compiled by {@code paw:generate}, found by {@link java.util.ServiceLoader}. It hands
 * the runtime the same linked spec that loading its YAML would give, plus generated row mappers
 * that need no reflection.
 */
public interface CompiledConnector {

  /** The linked connector model, built as code. */
  ConnectorSpec spec();

  /** A generated mapper per synced table, keyed by table name. */
  Map<String, RowMapper<?>> mappers();
}
