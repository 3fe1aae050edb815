package dev.paw.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paw.bench.connectors.stripe.StripeInvoicesMapper;
import dev.paw.bench.connectors.stripe.StripeInvoicesRow;
import dev.paw.bench.server.PageStore;
import dev.paw.runtime.internal.mapping.SpecRowMapper;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ConnectorLoader;
import dev.paw.spec.ConnectorSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One Stripe list page of 100 invoices (about 250 KB) mapped to {@code stripe_invoices} rows three
 * ways: the mapper {@code paw:generate} made, the interpreter that maps YAML connectors, and what
 * most code does — a Jackson tree ({@code readTree}) and a lookup per column. Scores are records
 * per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MapperBenchmark {

  static final int RECORDS = PageStore.BLOCK;

  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper TREE = new ObjectMapper();

  byte[] page;
  final StripeInvoicesMapper generated = new StripeInvoicesMapper();
  SpecRowMapper interpreted;

  @Setup
  public void setUp() throws IOException {
    PageStore store = PageStore.render(RECORDS * 2);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (ByteBuffer piece : store.list(RECORDS * 2, RECORDS, null, null).pieces()) {
      body.write(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
    }
    page = body.toByteArray();
    try (InputStream yaml =
        MapperBenchmark.class.getResourceAsStream("/bench-connectors/stripe.yaml")) {
      ConnectorSpec spec =
          ConnectorLoader.load(
                  new String(yaml.readAllBytes(), StandardCharsets.UTF_8), "stripe.yaml")
              .orThrow();
      interpreted = new SpecRowMapper(spec, spec.stream("stripe_invoices").orElseThrow());
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void generatedMapper(Blackhole rows) throws IOException {
    streamed(generated, rows);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void yamlInterpreter(Blackhole rows) throws IOException {
    streamed(interpreted, rows);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void jacksonTree(Blackhole rows) throws IOException {
    for (JsonNode invoice : TREE.readTree(page).get("data")) {
      rows.consume(
          new StripeInvoicesRow(
              text(invoice, "id"),
              text(invoice, "customer"),
              text(invoice, "number"),
              text(invoice, "status"),
              text(invoice, "currency"),
              whole(invoice, "amount_due"),
              whole(invoice, "amount_paid"),
              whole(invoice, "amount_remaining"),
              whole(invoice, "due_date"),
              whole(invoice, "created"),
              text(invoice, "hosted_invoice_url")));
    }
  }

  /** As the sync engine reads a page: stream to the records, hand each to the mapper. */
  private <R> void streamed(RowMapper<R> mapper, Blackhole rows) throws IOException {
    RecordContext context = new RecordContext();
    try (JsonParser parser = JSON.createParser(page)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (!name.equals("data")) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          context.reset();
          rows.consume(mapper.read(parser, context));
        }
      }
    }
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Long whole(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.longValue();
  }
}
