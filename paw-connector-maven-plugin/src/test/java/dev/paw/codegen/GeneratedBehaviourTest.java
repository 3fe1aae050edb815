package dev.paw.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.paw.runtime.RequiresApproval;
import dev.paw.runtime.mapping.RecordContext;
import dev.paw.runtime.mapping.RecordException;
import dev.paw.runtime.mapping.RowMapper;
import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.TrustLevel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a developer relies on in the generated Stripe code: builders apply defaults and refuse
 * missing required values, enums carry wire values, trust levels are visible on methods, and
 * mappers read records as declared.
 */
class GeneratedBehaviourTest {

  private static final String PKG = "com.example.paw.stripe.";
  private static InMemoryCompiler.Compilation compiled;

  @BeforeAll
  static void compileStripe(@TempDir Path work) {
    ConnectorSpec stripe = Connectors.load(Connectors.ours().resolve("stripe.yaml"), "connectors");
    compiled =
        InMemoryCompiler.compile(new ConnectorGenerator("com.example.paw").generate(stripe), work);
    assertThat(compiled.diagnostics()).isEmpty();
  }

  @Test
  void builderAppliesDefaultsAndKeepsWireNames() throws Exception {
    Object builder = compiled.load(PKG + "CreateInvoiceParams").getMethod("builder").invoke(null);
    call(builder, "customer", String.class, "cus_1");
    Object params = builder.getClass().getMethod("build").invoke(builder);
    assertThat(params.getClass().getMethod("toMap").invoke(params))
        .isEqualTo(
            Map.of(
                "customer", "cus_1", "collection_method", "send_invoice", "days_until_due", 30L));
  }

  @Test
  void builderRefusesAMissingRequiredParameter() throws Exception {
    Object builder = compiled.load(PKG + "CreateRefundParams").getMethod("builder").invoke(null);
    assertThatThrownBy(() -> invoke(builder, "build"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("action 'create_refund' needs parameter 'charge'");
  }

  @Test
  void enumParametersSendTheirWireValue() throws Exception {
    Class<?> reason = compiled.load(PKG + "CreateRefundParams$Reason");
    Object requested =
        Arrays.stream(reason.getEnumConstants())
            .filter(c -> c.toString().equals("REQUESTED_BY_CUSTOMER"))
            .findFirst()
            .orElseThrow();
    Object builder = compiled.load(PKG + "CreateRefundParams").getMethod("builder").invoke(null);
    call(builder, "charge", String.class, "ch_1");
    call(builder, "reason", reason, requested);
    Object params = builder.getClass().getMethod("build").invoke(builder);
    assertThat(params.getClass().getMethod("toMap").invoke(params))
        .isEqualTo(Map.of("charge", "ch_1", "reason", "requested_by_customer"));
  }

  @Test
  void trustLevelIsVisibleOnTheClientMethods() throws Exception {
    Class<?> client = compiled.load(PKG + "StripeClient");
    Class<?> refund = compiled.load(PKG + "CreateRefundParams");
    Class<?> invoice = compiled.load(PKG + "CreateInvoiceParams");
    assertThat(
            client.getMethod("createRefund", refund).getAnnotation(RequiresApproval.class).value())
        .isEqualTo(TrustLevel.RESTRICTED);
    assertThat(
            client
                .getMethod("createInvoice", invoice)
                .getAnnotation(RequiresApproval.class)
                .value())
        .isEqualTo(TrustLevel.CONFIRM);
    assertThat(client.getMethod("listInvoices").getAnnotation(RequiresApproval.class)).isNull();
  }

  @Test
  void mapperReadsNestedTypedFieldsAndSkipsTheRest() throws Exception {
    RowMapper<?> mapper = mapper("StripeChargesMapper");
    RecordContext context = new RecordContext();
    Object row =
        read(
            mapper,
            """
        {"id": "ch_1", "object": "charge", "amount": 2000, "refunds": {"data": [{"id": "re_1"}]},
         "paid": true, "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "4242",
         "checks": {"cvc": null}}}, "created": 1700000000, "metadata": {"a": "b"}, "customer": null}
        """,
            context);
    assertThat(value(mapper, row, "id")).isEqualTo("ch_1");
    assertThat(value(mapper, row, "amount")).isEqualTo(2000L);
    assertThat(value(mapper, row, "paid")).isEqualTo(true);
    assertThat(value(mapper, row, "card_brand")).isEqualTo("visa");
    assertThat(value(mapper, row, "card_last4")).isEqualTo("4242");
    assertThat(value(mapper, row, "customer")).isNull();
    assertThat(value(mapper, row, "refunded")).isNull();
    assertThat(context.get(RecordContext.PAGE_CURSOR)).isEqualTo("ch_1");
    // Stripe's charges follow the Events API, not a cursor over the listing
    assertThat(context.get(RecordContext.INCREMENTAL_CURSOR)).isNull();
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void mapperGivesTheRowsKeyInPrimaryKeyOrder() throws Exception {
    RowMapper mapper = mapper("StripeChargesMapper");
    Object row = read(mapper, "{\"id\": \"ch_9\", \"amount\": 5}", new RecordContext());
    assertThat(mapper.key(row)).containsExactly("ch_9");
    Object keyless = read(mapper, "{\"amount\": 5}", new RecordContext());
    assertThat(mapper.key(keyless)).containsExactly((Object) null);
  }

  @Test
  void mapperReadsJsonColumnsAsJsonTrees() throws Exception {
    RowMapper<?> mapper = mapper("StripeCustomersMapper");
    Object row =
        read(
            mapper,
            "{\"id\": \"cus_1\", \"metadata\": {\"tier\": \"gold\", \"n\": [1, 2]}}",
            new RecordContext());
    assertThat(value(mapper, row, "metadata").toString())
        .isEqualTo("{\"tier\":\"gold\",\"n\":[1,2]}");
  }

  @Test
  void mapperRefusesAValueOfTheWrongTypeNamingTheField() {
    RowMapper<?> mapper = mapper("StripeChargesMapper");
    assertThatThrownBy(
            () -> read(mapper, "{\"id\": \"ch_1\", \"amount\": \"twenty\"}", new RecordContext()))
        .isInstanceOf(RecordException.class)
        .hasMessage("field 'amount': expected an integer, found the string 'twenty'");
  }

  private static RowMapper<?> mapper(String name) {
    try {
      return (RowMapper<?>) compiled.load(PKG + name).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object read(RowMapper<?> mapper, String json, RecordContext context)
      throws Exception {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      Object row = mapper.read(parser, context);
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(parser.nextToken()).isNull();
      return row;
    }
  }

  /** The row's value of a column, through the record accessor the row generator names after it. */
  private static Object value(RowMapper<?> mapper, Object row, String column) {
    try {
      return row.getClass().getMethod(JavaNames.memberName(column)).invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(mapper.table() + " has no column " + column, e);
    }
  }

  private static void call(Object target, String method, Class<?> type, Object arg)
      throws Exception {
    Method m = target.getClass().getMethod(method, type);
    m.invoke(target, arg);
  }

  private static Object invoke(Object target, String method) throws Throwable {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
