package dev.paw.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in a real Connect worker with exactly-once source support, on a KRaft broker, both
 * from Kafka's own test kit, reading the Stripe connector file's customer stream from a server on
 * 127.0.0.1. One cluster serves every test; each test has its own connector and topic prefix.
 */
class PawSourceConnectorIT {

  private static final String SECRET = "sk_test_kafka_connect_4f1e9a7c2b";
  private static final int CUSTOMERS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPOSITORY = Path.of(System.getProperty("paw.repositoryRoot", ".."));
  private static final Path STRIPE = REPOSITORY.resolve("connectors/stripe.yaml");

  /** paw's own log (System.Logger, so java.util.logging here), requests and headers included. */
  private static final java.util.logging.Logger PAW_LOG =
      java.util.logging.Logger.getLogger("dev.paw");

  @TempDir static Path temp;
  private static Path secrets;
  private static FileHandler pawLog;
  private static EmbeddedConnectCluster connect;

  @BeforeAll
  static void startCluster() throws Exception {
    secrets = temp.resolve("secrets.properties");
    Files.writeString(secrets, "stripe_key=" + SECRET + "\n");
    pawLog = new FileHandler(temp.resolve("paw.log").toString());
    pawLog.setLevel(Level.ALL);
    pawLog.setFormatter(new SimpleFormatter());
    PAW_LOG.setLevel(Level.ALL);
    PAW_LOG.addHandler(pawLog);
    Map<String, String> worker = new HashMap<>();
    worker.put("exactly.once.source.support", "enabled");
    worker.put("config.providers", "file");
    worker.put("config.providers.file.class", FileConfigProvider.class.getName());
    worker.put("offset.flush.interval.ms", "1000");
    Properties broker = new Properties();
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    connect =
        new EmbeddedConnectCluster.Builder()
            .name("paw-connect")
            .numWorkers(1)
            .numBrokers(1)
            .workerProps(worker)
            .brokerProps(broker)
            .build();
    connect.start();
  }

  @AfterAll
  static void stopCluster() {
    if (connect != null) {
      connect.stop();
    }
    PAW_LOG.removeHandler(pawLog);
    pawLog.close();
  }

  /** The connector's configuration, its API key given as a reference to the secrets file. */
  private static Map<String, String> config(String prefix, CustomersServer server) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", PawSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("paw.connector", "stripe");
    config.put("paw.connector.path", STRIPE.toString());
    config.put("paw.streams", "stripe_customers");
    config.put("paw.base.url", server.baseUrl());
    config.put("topic.prefix", prefix);
    config.put("paw.poll.interval.ms", "3600000");
    config.put("paw.credential.STRIPE_API_KEY", "${file:" + secrets + ":stripe_key}");
    config.put("exactly.once.support", "required");
    config.put("transaction.boundary", "connector");
    config.put("key.converter", JsonConverter.class.getName());
    config.put("value.converter", JsonConverter.class.getName());
    config.put("key.converter.schemas.enable", "true");
    config.put("value.converter.schemas.enable", "true");
    // the test broker creates no topic by itself: the worker creates each stream's topic
    config.put("topic.creation.default.replication.factor", "1");
    config.put("topic.creation.default.partitions", "1");
    return config;
  }

  @Test
  void tenThousandCustomersLandOnceKeyedWithTheirSchemaAndTheKeyNowhere() throws Exception {
    try (CustomersServer server = new CustomersServer(CUSTOMERS, SECRET, 0)) {
      String topic = "once.stripe_customers";
      long started = System.nanoTime();
      connect.configureConnector("paw-once", config("once.", server));
      List<ConsumerRecord<byte[], byte[]>> records = awaitAll(topic, server);
      System.out.printf(
          "10,000 records through the connector in %d ms%n",
          (System.nanoTime() - started) / 1_000_000);

      assertThat(server.refused()).isZero();
      assertThat(server.pagesServed()).isEqualTo(CUSTOMERS / 100);
      Set<String> ids = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        JsonNode key = JSON.readTree(record.key()).get("payload");
        JsonNode value = JSON.readTree(record.value()).get("payload");
        assertThat(key.get("id").asText()).isEqualTo(value.get("id").asText());
        ids.add(key.get("id").asText());
      }
      assertThat(ids).hasSize(CUSTOMERS).contains(CustomersServer.id(0), CustomersServer.id(9_999));

      JsonNode first = JSON.readTree(records.get(0).value());
      assertThat(first.at("/schema/name").asText()).isEqualTo("paw.stripe.stripe_customers.Value");
      Map<String, String> types = new HashMap<>();
      first
          .at("/schema/fields")
          .forEach(f -> types.put(f.get("field").asText(), f.get("type").asText()));
      assertThat(types)
          .containsEntry("id", "string")
          .containsEntry("balance", "int64")
          .containsEntry("delinquent", "boolean")
          .containsEntry("created", "int64")
          .containsEntry("metadata", "string");
      JsonNode customer = first.get("payload");
      int n = Integer.parseInt(customer.get("id").asText().substring(4));
      assertThat(customer.get("balance").asLong()).isEqualTo(n * 10L);
      assertThat(JSON.readTree(customer.get("metadata").asText()).get("n").asText())
          .isEqualTo(String.valueOf(n));
      assertThat(JSON.readTree(records.get(0).key()).at("/schema/name").asText())
          .isEqualTo("paw.stripe.stripe_customers.Key");

      assertKeyAppearsNowhere("paw-once");
      connect.deleteConnector("paw-once");
    }
  }

  @Test
  void aStopAndRestartAndATaskRestartMidStreamLoseAndRepeatNothing() throws Exception {
    try (CustomersServer server = new CustomersServer(CUSTOMERS, SECRET, 40)) {
      String topic = "restart.stripe_customers";
      connect.configureConnector("paw-restart", config("restart.", server));
      await(() -> server.pagesServed() >= 20, "20 pages read");
      connect.stopConnector("paw-restart");
      connect.assertions().assertConnectorIsStopped("paw-restart", "the connector stopped");
      int atStop = server.pagesServed();
      assertThat(atStop).isLessThan(CUSTOMERS / 100);

      connect.resumeConnector("paw-restart");
      await(() -> server.pagesServed() >= atStop + 20, "20 more pages read");
      connect.restartTask("paw-restart", 0);

      List<ConsumerRecord<byte[], byte[]>> records = awaitAll(topic, server);
      Set<String> ids = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        ids.add(JSON.readTree(record.key()).at("/payload/id").asText());
      }
      assertThat(ids).hasSize(CUSTOMERS);
      // each stop resumed at its committed page: at most the page in flight is read again, never
      // the run from its start
      assertThat(server.pagesServed()).isBetween(CUSTOMERS / 100, CUSTOMERS / 100 + 4);
      connect.deleteConnector("paw-restart");
    }
  }

  @Test
  void aCustomerDeletedAtStripeArrivesAsATombstoneAfterTheListing() throws Exception {
    try (CustomersServer server = new CustomersServer(150, SECRET, 0)) {
      String topic = "tomb.stripe_customers";
      server.delete(7);
      Map<String, String> config = config("tomb.", server);
      config.put("paw.poll.interval.ms", "500");
      connect.configureConnector("paw-tomb", config);
      connect.assertions().assertTopicsExist(topic);
      await(() -> server.eventPagesServed() >= 1, "the change feed read after the listing");
      String deleted = CustomersServer.id(7);
      List<ConsumerRecord<byte[], byte[]>> records = List.of();
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (System.nanoTime() < deadline && records.stream().noneMatch(r -> r.value() == null)) {
        Thread.sleep(500);
        records = committed(topic);
      }
      // the full listing came first (2 pages), then the feed; the deletion is a tombstone: the
      // customer's key and no value, which compaction and sinks take as a delete
      assertThat(server.pagesServed()).isEqualTo(2);
      List<ConsumerRecord<byte[], byte[]>> forDeleted =
          records.stream().filter(r -> text(r.key()).contains("\"" + deleted + "\"")).toList();
      assertThat(forDeleted.get(0).value()).isNotNull();
      assertThat(forDeleted.subList(1, forDeleted.size()))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.value()).isNull());
      assertThat(JSON.readTree(forDeleted.get(1).key()).at("/payload/id").asText())
          .isEqualTo(deleted);
      assertThat(records.stream().filter(r -> r.value() != null)).hasSize(150);
      connect.deleteConnector("paw-tomb");
    }
  }

  @Test
  void aBadConnectorFileIsAConfigErrorNamingItsLineAndColumn() throws Exception {
    List<String> lines = Files.readAllLines(STRIPE);
    int broken = -1;
    for (int i = 0; i < lines.size() && broken < 0; i++) {
      if (lines.get(i).contains("style: cursor")) {
        lines.set(i, lines.get(i).replace("style: cursor", "style: cursr"));
        broken = i + 1;
      }
    }
    Path bad = temp.resolve("bad.yaml");
    Files.write(bad, lines);
    try (CustomersServer server = new CustomersServer(1, SECRET, 0)) {
      Map<String, String> config = config("bad.", server);
      config.put("paw.connector.path", bad.toString());
      ConfigInfos answer =
          connect.validateConnectorConfig(PawSourceConnector.class.getSimpleName(), config);
      List<String> errors = errors(answer, "paw.connector.path");
      assertThat(errors).isNotEmpty();
      Matcher where = Pattern.compile("bad\\.yaml:(\\d+):(\\d+): ").matcher(errors.get(0));
      assertThat(where.find()).as(errors.get(0)).isTrue();
      assertThat(Integer.parseInt(where.group(1))).isEqualTo(broken);
      assertThat(errors.get(0)).contains("cursr");

      config.put("paw.connector.path", STRIPE.toString());
      config.put("paw.streams", "stripe_nothing");
      assertThat(
              errors(
                  connect.validateConnectorConfig(PawSourceConnector.class.getSimpleName(), config),
                  "paw.streams"))
          .singleElement()
          .asString()
          .contains("syncs no table 'stripe_nothing'");
    }
  }

  private static List<String> errors(ConfigInfos answer, String key) {
    for (ConfigInfo info : answer.configs()) {
      if (info.configValue().name().equals(key)) {
        return info.configValue().errors();
      }
    }
    throw new AssertionError("no " + key + " in the validation answer");
  }

  /** The REST answers, every topic's records and the worker's log hold no trace of the key. */
  private static void assertKeyAppearsNowhere(String name) throws Exception {
    List<String> answers = new ArrayList<>();
    for (String resource : List.of("", "/config", "/status", "/tasks", "/offsets", "/topics")) {
      answers.add(
          String.valueOf(
              connect
                  .requestGet(connect.endpointForResource("connectors/" + name + resource))
                  .getEntity()));
    }
    answers.add(
        JSON.writeValueAsString(
            connect.validateConnectorConfig(
                PawSourceConnector.class.getSimpleName(), connect.connectorInfo(name).config())));
    assertThat(answers).allSatisfy(a -> assertThat(a).doesNotContain(SECRET));
    assertThat(answers.get(1)).contains("${file:");

    Set<String> topics;
    try (Admin admin = connect.kafka().createAdminClient()) {
      topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    }
    assertThat(topics).contains("once.stripe_customers");
    for (String topic : topics) {
      if (topic.startsWith("__")) {
        continue; // the broker's own: consumer offsets and transaction state
      }
      ConsumerRecords<byte[], byte[]> all = connect.kafka().consumeAll(60_000, topic);
      for (ConsumerRecord<byte[], byte[]> record : all) {
        assertThat(text(record.key()) + text(record.value())).as(topic).doesNotContain(SECRET);
      }
    }
    Path log =
        Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/connect-it.log"));
    String logged = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(logged).contains("paw task reads [stripe_customers]").doesNotContain(SECRET);
    pawLog.flush();
    String pawLogged = Files.readString(temp.resolve("paw.log"), StandardCharsets.UTF_8);
    assertThat(pawLogged).contains("--> GET").doesNotContain(SECRET);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Waits until a {@code read_committed} consumer sees every customer, then checks that no more
   * arrive: the count must stay exact, not merely reach it.
   */
  private static List<ConsumerRecord<byte[], byte[]>> awaitAll(String topic, CustomersServer server)
      throws Exception {
    connect.assertions().assertTopicsExist(topic);
    await(() -> server.pagesServed() >= CUSTOMERS / 100, "every page read");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<ConsumerRecord<byte[], byte[]>> records = List.of();
    while (System.nanoTime() < deadline) {
      records = committed(topic);
      if (records.size() >= CUSTOMERS) {
        break;
      }
      Thread.sleep(500);
    }
    Thread.sleep(2_000);
    List<ConsumerRecord<byte[], byte[]>> again = committed(topic);
    assertThat(again).hasSize(CUSTOMERS);
    return again;
  }

  private static List<ConsumerRecord<byte[], byte[]>> committed(String topic) throws Exception {
    ConsumerRecords<byte[], byte[]> records =
        connect
            .kafka()
            .consumeAll(
                60_000,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                null,
                topic);
    List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>();
    records.forEach(list::add);
    return list;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(50);
    }
  }
}
