package dev.paw.codegen;

import com.palantir.javapoet.ClassName;
import dev.paw.spec.ActionSpec;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.HttpMethod;
import dev.paw.spec.JavaPackageName;
import dev.paw.spec.StreamSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java names of one connector's generated types and client members, chosen once so that every
 * generator agrees and no two names clash.
 */
final class ConnectorNames {

  private final String packageName;
  private final ClassName connector;
  private final ClassName client;
  private final ClassName blockingClient;
  private final Map<String, ClassName> params = new HashMap<>();
  private final Map<String, ClassName> answers = new HashMap<>();
  private final Map<String, StreamSpec> rowSources = new HashMap<>();
  private final Map<String, ClassName> rows = new HashMap<>();
  private final Map<String, ClassName> mappers = new HashMap<>();
  private final Map<String, String> clientMembers = new HashMap<>();
  private final ClassName localActions;
  private final ClassName localActionCalls;

  ConnectorNames(ConnectorSpec spec, String basePackage) {
    String segment = JavaPackageName.of(spec.name());
    packageName = basePackage.isEmpty() ? segment : basePackage + "." + segment;
    String base = JavaNames.typeName(spec.name());
    NameAllocator types = new NameAllocator();
    connector = ClassName.get(packageName, types.allocate(base + "Connector"));
    client = ClassName.get(packageName, types.allocate(base + "Client"));
    blockingClient = ClassName.get(packageName, types.allocate(base + "BlockingClient"));
    NameAllocator members = new NameAllocator("connector", "connect", "async");
    for (ActionSpec action : spec.actions()) {
      clientMembers.put(
          "action:" + action.name(), members.allocate(JavaNames.memberName(action.name())));
      if (!action.allParams().isEmpty()) {
        params.put(
            action.name(),
            ClassName.get(
                packageName, types.allocate(JavaNames.typeName(action.name()) + "Params")));
      }
      if (!action.returns().isEmpty()) {
        answers.put(
            action.name(),
            ClassName.get(
                packageName, types.allocate(JavaNames.typeName(action.name()) + "Answer")));
      }
    }
    for (StreamSpec stream : generatedStreams(spec)) {
      String type = JavaNames.typeName(stream.table());
      rows.put(stream.table(), ClassName.get(packageName, types.allocate(type + "Row")));
      mappers.put(stream.table(), ClassName.get(packageName, types.allocate(type + "Mapper")));
      if (stream.each() == null) {
        rowSources.putIfAbsent(stream.source(), stream);
      }
      String member = withoutConnectorName(stream.table(), spec.name());
      clientMembers.put(
          "sync:" + stream.table(), members.allocate("sync" + JavaNames.typeName(member)));
      clientMembers.put("rows:" + stream.table(), members.allocate(JavaNames.memberName(member)));
    }
    if (localActions(spec).isEmpty()) {
      localActions = null;
      localActionCalls = null;
    } else {
      localActions = ClassName.get(packageName, types.allocate(base + "LocalActions"));
      localActionCalls = ClassName.get(packageName, types.allocate(base + "LocalActionCalls"));
    }
  }

  /** The actions paw runs itself ({@code LOCAL}), in declared order. */
  static List<ActionSpec> localActions(ConnectorSpec spec) {
    return spec.actions().stream().filter(a -> a.method() == HttpMethod.LOCAL).toList();
  }

  /** The interface of the {@code LOCAL} actions, or {@code null} when the connector has none. */
  ClassName localActions() {
    return localActions;
  }

  /** The class that calls a {@link #localActions()} method by action name, or {@code null}. */
  ClassName localActionCalls() {
    return localActionCalls;
  }

  /**
   * A table name without the connector's name in front, for client members that the client's type
   * already names: {@code stripe_customers} of {@code stripe} gives {@code customers}, so {@code
   * StripeClient.syncCustomers()}.
   */
  static String withoutConnectorName(String table, String connector) {
    List<String> tableWords = JavaNames.words(table);
    List<String> connectorWords = JavaNames.words(connector);
    if (tableWords.size() > connectorWords.size()
        && tableWords.subList(0, connectorWords.size()).equals(connectorWords)) {
      return String.join("_", tableWords.subList(connectorWords.size(), tableWords.size()));
    }
    return table;
  }

  /**
   * The streams that get generated types: those that can run (a source action and at least one
   * column).
   */
  static List<StreamSpec> generatedStreams(ConnectorSpec spec) {
    return spec.streams().stream().filter(StreamSpec::isRunnable).toList();
  }

  String packageName() {
    return packageName;
  }

  ClassName connector() {
    return connector;
  }

  ClassName client() {
    return client;
  }

  /** The blocking twin of {@link #client()}. */
  ClassName blockingClient() {
    return blockingClient;
  }

  /** The parameters class of an action that has parameters. */
  ClassName params(ActionSpec action) {
    return params.get(action.name());
  }

  /** The record of an action's declared answer fields, or {@code null} when it declares none. */
  ClassName answer(ActionSpec action) {
    return answers.get(action.name());
  }

  /**
   * The first stream that maps the records of an action's answer as rows (not through a request per
   * record), or {@code null} when none does.
   */
  StreamSpec rowSource(ActionSpec action) {
    return rowSources.get(action.name());
  }

  ClassName row(StreamSpec stream) {
    return rows.get(stream.table());
  }

  ClassName mapper(StreamSpec stream) {
    return mappers.get(stream.table());
  }

  String actionMethod(ActionSpec action) {
    return clientMembers.get("action:" + action.name());
  }

  String syncMethod(StreamSpec stream) {
    return clientMembers.get("sync:" + stream.table());
  }

  String rowsMethod(StreamSpec stream) {
    return clientMembers.get("rows:" + stream.table());
  }
}
