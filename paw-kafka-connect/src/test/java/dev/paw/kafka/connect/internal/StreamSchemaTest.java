package dev.paw.kafka.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paw.spec.ConnectorSpec;
import dev.paw.spec.StreamSpec;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class StreamSchemaTest {

  private final ConnectorSpec stripe = Stripe.spec();
  private final StreamSpec customers = stripe.stream("stripe_customers").orElseThrow();
  private final StreamSchema schema = new StreamSchema(stripe, customers);

  @Test
  void theValueHasEveryColumnTypedAndOptional() {
    Schema value = schema.valueSchema();
    assertThat(value.name()).isEqualTo("paw.stripe.stripe_customers.Value");
    assertThat(value.fields())
        .extracting(Field::name)
        .containsExactly(
            "id",
            "email",
            "name",
            "description",
            "balance",
            "currency",
            "delinquent",
            "created",
            "metadata");
    assertThat(value.field("id").schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(value.field("balance").schema().type()).isEqualTo(Schema.Type.INT64);
    assertThat(value.field("delinquent").schema().type()).isEqualTo(Schema.Type.BOOLEAN);
    assertThat(value.field("metadata").schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(value.fields()).allSatisfy(f -> assertThat(f.schema().isOptional()).isTrue());
  }

  @Test
  void theKeyIsThePrimaryKeyAndRequired() {
    Schema key = schema.keySchema();
    assertThat(key.fields()).extracting(Field::name).containsExactly("id");
    assertThat(key.field("id").schema().isOptional()).isFalse();
  }

  @Test
  void aRowBecomesAValidStructAndKey() {
    Object[] row = {"cus_1", null, "Ada", null, 42L, "eur", true, 1_700_000_000L, "{\"a\":1}"};
    Struct value = schema.value(row);
    value.validate();
    assertThat(value.getString("id")).isEqualTo("cus_1");
    assertThat(value.getInt64("balance")).isEqualTo(42L);
    assertThat(value.getBoolean("delinquent")).isTrue();
    assertThat(value.getString("email")).isNull();
    assertThat(value.getString("metadata")).isEqualTo("{\"a\":1}");
    Struct key = schema.key(row);
    key.validate();
    assertThat(key.getString("id")).isEqualTo("cus_1");
  }

  @Test
  void numbersAndUntypedValuesConvert() {
    assertThat(StreamSchema.type(dev.paw.spec.ColumnType.NUMBER).build().type())
        .isEqualTo(Schema.Type.FLOAT64);
    assertThat(StreamSchema.type(dev.paw.spec.ColumnType.ANY).build().type())
        .isEqualTo(Schema.Type.STRING);
  }
}
