package dev.paw.codegen;

import com.palantir.javapoet.ClassName;

/**
 * The runtime's types that generated code uses, named rather than linked: the generator never needs
 * the runtime on its classpath.
 */
final class RuntimeTypes {

  static final String RUNTIME = "dev.paw.runtime";
  static final String MAPPING = "dev.paw.runtime.mapping";

  static final ClassName CONNECTOR_PROTOCOL = ClassName.get(RUNTIME, "ConnectorProtocol");
  static final ClassName COMPILED_CONNECTOR = ClassName.get(RUNTIME, "CompiledConnector");
  static final ClassName ACTION_RESULT = ClassName.get(RUNTIME, "ActionResult");
  static final ClassName TYPED_RESULT = ClassName.get(RUNTIME, "TypedResult");
  static final ClassName PAGE = TYPED_RESULT.nestedClass("Page");
  static final ClassName SYNC_RESULT = ClassName.get(RUNTIME, "SyncResult");
  static final ClassName SYNC_FAILED = ClassName.get(RUNTIME, "SyncFailedException");
  static final ClassName REQUIRES_APPROVAL = ClassName.get(RUNTIME, "RequiresApproval");
  static final ClassName STORED_ROW = CONNECTOR_PROTOCOL.nestedClass("StoredRow");
  static final ClassName ROW_MAPPER = ClassName.get(MAPPING, "RowMapper");
  static final ClassName RECORD_EXCEPTION = ClassName.get(MAPPING, "RecordException");
  static final ClassName RECORD_CONTEXT = ClassName.get(MAPPING, "RecordContext");
  static final ClassName JSON_COLUMNS = ClassName.get(MAPPING, "JsonColumns");
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");

  private RuntimeTypes() {}
}
