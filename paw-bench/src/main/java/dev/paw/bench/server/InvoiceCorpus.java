package dev.paw.bench.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Deterministic Stripe-shaped invoices, newest first as Stripe lists them: invoice {@code i} (0 is
 * the newest) of a corpus of {@code size} was created {@code (size - i)} minutes after a fixed
 * instant, so {@code created} is unique and strictly decreasing along the list, and a list of n
 * invoices is simply the corpus's first n. Each invoice has about 40 top-level fields, nested
 * objects and a one-line {@code lines} list, like a real one (about 2.4 KB).
 */
public final class InvoiceCorpus {

  private static final long EPOCH = 1_600_000_000L;
  private static final long STEP = 60;
  private static final String[] STATUSES = {
    "paid", "paid", "paid", "open", "draft", "void", "uncollectible"
  };
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final int size;

  public InvoiceCorpus(int size) {
    this.size = size;
  }

  public int size() {
    return size;
  }

  /**
   * The id of invoice {@code i}: {@code in_1B} then the index in ten digits, then a pseudo-random
   * tail.
   */
  public String id(int i) {
    return "in_1B" + String.format("%010d", i) + tail(i, 12);
  }

  /** The index an id names, or -1 when it is not one of ours. */
  public int index(String id) {
    if (id == null || id.length() < 15 || !id.startsWith("in_1B")) {
      return -1;
    }
    try {
      long i = Long.parseLong(id.substring(5, 15));
      return i < size ? (int) i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public long created(int i) {
    return EPOCH + (size - (long) i) * STEP;
  }

  /** How many invoices, from the newest, have {@code created >= gte}. */
  public int countCreatedAtLeast(long gte) {
    long newest = created(0);
    if (gte > newest) {
      return 0;
    }
    long count = (newest - gte) / STEP + 1;
    return (int) Math.min(size, count);
  }

  /** Invoice {@code i} as compact JSON. */
  public byte[] json(int i) {
    return render(i).getBytes(StandardCharsets.UTF_8);
  }

  String render(int i) {
    String id = id(i);
    long created = created(i);
    String customer = "cus_" + tail(i % 5_000 + 7, 14);
    String status = STATUSES[i % STATUSES.length];
    long total = 1_000 + (i * 7_919L) % 250_000;
    boolean paid = status.equals("paid");
    long paidAmount = paid ? total : 0;
    String number =
        "B"
            + tail(i % 5_000 + 11, 6).toUpperCase(Locale.ROOT)
            + "-"
            + String.format("%04d", i % 10_000);
    String line = "il_" + tail(i + 3, 24);
    StringBuilder b = new StringBuilder(2600);
    b.append("{\"id\":\"")
        .append(id)
        .append("\",\"object\":\"invoice\",\"account_country\":\"US\",")
        .append("\"account_name\":\"Pocket Bench Inc.\",\"account_tax_ids\":null,")
        .append("\"amount_due\":")
        .append(total)
        .append(",\"amount_paid\":")
        .append(paidAmount)
        .append(",\"amount_remaining\":")
        .append(total - paidAmount)
        .append(",\"amount_shipping\":0,")
        .append("\"application\":null,\"application_fee_amount\":null,\"attempt_count\":")
        .append(paid ? 1 : 0)
        .append(",\"attempted\":")
        .append(paid)
        .append(",\"auto_advance\":")
        .append(!paid)
        .append(",\"automatic_tax\":{\"enabled\":false,\"liability\":null,\"status\":null},")
        .append("\"billing_reason\":\"subscription_cycle\",\"charge\":")
        .append(paid ? "\"ch_" + tail(i + 5, 24) + "\"" : "null")
        .append(",\"collection_method\":\"charge_automatically\",\"created\":")
        .append(created)
        .append(",\"currency\":\"usd\",\"custom_fields\":null,\"customer\":\"")
        .append(customer)
        .append("\",\"customer_address\":{\"city\":\"Springfield\",\"country\":\"US\",\"line1\":\"")
        .append(100 + i % 900)
        .append(" Main Street\",\"line2\":null,\"postal_code\":\"")
        .append(10_000 + i % 89_999)
        .append("\",\"state\":\"IL\"},\"customer_email\":\"customer")
        .append(i % 5_000)
        .append("@shop.example\",\"customer_name\":\"Customer ")
        .append(i % 5_000)
        .append(
            "\",\"customer_phone\":null,\"customer_shipping\":null,\"customer_tax_exempt\":\"none\",")
        .append("\"customer_tax_ids\":[],\"default_payment_method\":null,\"default_source\":null,")
        .append("\"default_tax_rates\":[],\"description\":\"Subscription renewal \\u2014 plan ")
        .append(i % 3 == 0 ? "Gold" : "Standard")
        .append("\",\"discount\":null,\"discounts\":[],\"due_date\":")
        .append(paid ? "null" : String.valueOf(created + 30 * 86_400))
        .append(",\"ending_balance\":0,\"footer\":null,")
        .append("\"hosted_invoice_url\":\"https://invoice.stripe.com/i/acct_1Bench/test_")
        .append(tail(i, 40))
        .append("\",\"invoice_pdf\":\"https://pay.stripe.com/invoice/acct_1Bench/test_")
        .append(tail(i, 40))
        .append(
            "/pdf?s=ap\",\"last_finalization_error\":null,\"lines\":{\"object\":\"list\",\"data\":[{\"id\":\"")
        .append(line)
        .append("\",\"object\":\"line_item\",\"amount\":")
        .append(total)
        .append(",\"currency\":\"usd\",\"description\":\"1 \\u00d7 Pocket plan (at $")
        .append(total / 100)
        .append(
            ".00 / month)\",\"discountable\":true,\"livemode\":false,\"metadata\":{},\"period\":{\"end\":")
        .append(created + 2_592_000)
        .append(",\"start\":")
        .append(created)
        .append(
            "},\"quantity\":1,\"type\":\"subscription\"}],\"has_more\":false,\"total_count\":1,")
        .append("\"url\":\"/v1/invoices/")
        .append(id)
        .append("/lines\"},\"livemode\":false,\"metadata\":{\"order\":\"")
        .append(i)
        .append("\",\"channel\":\"")
        .append(i % 2 == 0 ? "web" : "store")
        .append("\"},\"next_payment_attempt\":null,\"number\":\"")
        .append(number)
        .append("\",\"on_behalf_of\":null,\"paid\":")
        .append(paid)
        .append(",\"paid_out_of_band\":false,")
        .append("\"payment_intent\":")
        .append(paid ? "\"pi_" + tail(i + 9, 24) + "\"" : "null")
        .append(",\"payment_settings\":{\"default_mandate\":null,\"payment_method_options\":null,")
        .append("\"payment_method_types\":null},\"period_end\":")
        .append(created)
        .append(",\"period_start\":")
        .append(created - 2_592_000)
        .append(",\"post_payment_credit_notes_amount\":0,")
        .append(
            "\"pre_payment_credit_notes_amount\":0,\"receipt_number\":null,\"starting_balance\":0,")
        .append("\"statement_descriptor\":null,\"status\":\"")
        .append(status)
        .append("\",\"status_transitions\":{\"finalized_at\":")
        .append(created + 3_600)
        .append(",\"marked_uncollectible_at\":null,\"paid_at\":")
        .append(paid ? String.valueOf(created + 3_700) : "null")
        .append(",\"voided_at\":null},\"subscription\":\"sub_")
        .append(tail(i % 5_000 + 13, 24))
        .append("\",\"subtotal\":")
        .append(total)
        .append(",\"tax\":null,\"total\":")
        .append(total)
        .append(",\"total_tax_amounts\":[],\"webhooks_delivered_at\":")
        .append(created + 5)
        .append('}');
    return b.toString();
  }

  /** {@code length} base-62 characters that look random but depend only on {@code seed}. */
  private static String tail(long seed, int length) {
    char[] chars = new char[length];
    long x = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    for (int k = 0; k < length; k++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      chars[k] = ALPHABET.charAt((int) Long.remainderUnsigned(x, ALPHABET.length()));
    }
    return new String(chars);
  }
}
