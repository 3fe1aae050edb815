package dev.paw.runtime.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on 127.0.0.1 that serves a list of records in cursor-paged pages ({@code
 * GET /v1/records?limit=200&after=rec_000200} answers {@code {"data":[...],"has_more":true}}), and
 * that injects faults at a rate, from a seed: 500, 502 and 503 answers, 429 with {@code
 * Retry-After}, connections reset half way through a body, bodies whose JSON is cut short, and
 * answers slower than the client's timeout (before the headers or half way through the body). It is
 * written on plain sockets so that a fault is exactly what goes over the wire. It also checks the
 * API key of every request and can hold a page until a test releases it.
 */
public final class RecordsApi implements AutoCloseable {

  /** What can go wrong with one request. */
  public enum Fault {
    HTTP_500,
    HTTP_502,
    HTTP_503,
    HTTP_429,
    RESET_MID_BODY,
    TRUNCATED_JSON,
    SLOW_HEADERS,
    SLOW_BODY;

    /** Every kind. */
    public static List<Fault> all() {
      return List.of(values());
    }
  }

  /** The API key every request must carry in {@code X-Api-Key}. */
  public static final String API_KEY = "rk_test_records_9c41";

  /**
   * What a 429 asks the client to wait, in seconds: no backoff of the runtime's is ever exactly
   * this long.
   */
  public static final int RETRY_AFTER_SECONDS = 11;

  private volatile List<String> ids;
  private volatile List<String> bodies;
  private final ServerSocket server;
  private final ExecutorService connections =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "records-api");
            thread.setDaemon(true);
            return thread;
          });
  private final Random random;
  private volatile double rate;
  private volatile List<Fault> faults;
  private final Duration slowness;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger pagesServed = new AtomicInteger();
  private final AtomicInteger unauthorized = new AtomicInteger();
  private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
  private final Map<String, Hold> holds = new ConcurrentHashMap<>();
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;

  /**
   * The change events {@code /v1/events} serves (sorted by id), with each one's {@code created}.
   */
  private volatile List<String> eventIds = List.of();

  private volatile List<String> eventBodies = List.of();
  private volatile List<Long> eventCreated = List.of();

  /** A page held back until the test releases it. */
  public static final class Hold {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Waits (at most {@code timeout}) until a request for the page has arrived. */
    public boolean awaitArrival(Duration timeout) throws InterruptedException {
      return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
      released.countDown();
    }
  }

  private RecordsApi(
      List<String> records, long seed, double rate, List<Fault> faults, Duration slowness)
      throws IOException {
    this.bodies = List.copyOf(records);
    List<String> keys = new ArrayList<>();
    for (String record : records) {
      keys.add(Records.idOf(record));
    }
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
        throw new IllegalArgumentException("records must be sorted by id without repeats");
      }
    }
    this.ids = List.copyOf(keys);
    this.random = new Random(seed);
    this.rate = rate;
    this.faults = List.copyOf(faults);
    this.slowness = slowness;
    for (Fault fault : Fault.values()) {
      injected.put(fault, new AtomicInteger());
    }
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "records-api-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Serves {@code records} (JSON objects sorted by {@code id}) without faults. */
  public static RecordsApi start(List<String> records) throws IOException {
    return new RecordsApi(records, 0, 0, List.of(), Duration.ZERO);
  }

  /**
   * Serves {@code records}, injecting one of {@code faults} into a share {@code rate} of the
   * requests, chosen by a random generator seeded with {@code seed}.
   *
   * @param slowness how long a slow answer stalls: make it longer than the client's read timeout
   */
  public static RecordsApi withFaults(
      List<String> records, long seed, double rate, List<Fault> faults, Duration slowness)
      throws IOException {
    return new RecordsApi(records, seed, rate, faults, slowness);
  }

  /** From now on, injects one of {@code faults} into a share {@code rate} of the requests. */
  public void inject(double newRate, List<Fault> newFaults) {
    this.faults = List.copyOf(newFaults);
    this.rate = newRate;
  }

  /**
   * From now on, also serves {@code events} (JSON objects sorted by {@code id}, each with a numeric
   * {@code created}) at {@code GET /v1/events?limit=&after=&since=}, where {@code since} keeps the
   * events created at or after it; faults are injected there as on the records.
   */
  public void events(List<String> events) {
    List<String> ids = new ArrayList<>();
    List<Long> created = new ArrayList<>();
    for (String event : events) {
      ids.add(Records.idOf(event));
      int at = event.indexOf("\"created\":") + 10;
      int end = at;
      while (end < event.length() && Character.isDigit(event.charAt(end))) {
        end++;
      }
      created.add(Long.parseLong(event.substring(at, end)));
    }
    eventBodies = List.copyOf(events);
    eventCreated = List.copyOf(created);
    eventIds = List.copyOf(ids);
  }

  /**
   * From now on, serves {@code records} (JSON objects sorted by {@code id}) instead: the source
   * changed, as between two syncs.
   */
  public void replaceRecords(List<String> records) {
    List<String> keys = new ArrayList<>();
    for (String record : records) {
      keys.add(Records.idOf(record));
    }
    bodies = List.copyOf(records);
    ids = List.copyOf(keys);
  }

  /** {@code http://127.0.0.1:port/v1}, the base URL to connect to. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
  }

  /**
   * Holds the page that starts after {@code after} ({@code null}: the first page) until the test
   * releases it.
   */
  public Hold hold(String after) {
    Hold hold = new Hold();
    holds.put(after == null ? "" : after, hold);
    return hold;
  }

  public int requests() {
    return requests.get();
  }

  public int pagesServed() {
    return pagesServed.get();
  }

  public int unauthorized() {
    return unauthorized.get();
  }

  /** How many faults of each kind were injected. */
  public Map<Fault, Integer> injected() {
    Map<Fault, Integer> counts = new LinkedHashMap<>();
    injected.forEach((fault, count) -> counts.put(fault, count.get()));
    return counts;
  }

  public int injectedTotal() {
    return injected.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        connections.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!closed) {
          System.err.println("records-api: accept failed: " + e);
        }
        return;
      }
    }
  }

  /** Answers requests on one connection until the client closes it or a fault ends it. */
  private void serve(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16)) {
      socket.setSoTimeout(60_000);
      socket.setTcpNoDelay(
          true); // each answer is flushed whole: no Nagle delay between its head and its body
      while (!closed) {
        Request request = Request.read(in);
        if (request == null) {
          return;
        }
        requests.incrementAndGet();
        if (!answer(socket, request, out)) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away (it timed out, or was killed): nothing to answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
    }
  }

  /** Answers one request; false when the connection must end. */
  private boolean answer(Socket socket, Request request, OutputStream out)
      throws IOException, InterruptedException {
    if (!API_KEY.equals(request.headers.get("x-api-key"))) {
      unauthorized.incrementAndGet();
      write(out, 401, "Unauthorized", Map.of(), "{\"error\":\"missing or wrong X-Api-Key\"}");
      return true;
    }
    boolean events = request.path.equals("/v1/events");
    if (!request.path.equals("/v1/records") && !events) {
      write(out, 404, "Not Found", Map.of(), "{\"error\":\"no such path\"}");
      return true;
    }
    int limit =
        Math.max(1, Math.min(1000, Integer.parseInt(request.query.getOrDefault("limit", "100"))));
    String after = request.query.get("after");
    Hold hold = holds.remove(after == null ? "" : after);
    if (hold != null) {
      hold.arrived.countDown();
      if (!hold.released.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a held page was never released");
      }
    }
    byte[] page =
        (events ? eventPage(after, limit, request.query.get("since")) : page(after, limit))
            .getBytes(StandardCharsets.UTF_8);
    Fault fault = nextFault();
    if (fault == null) {
      write(out, 200, "OK", Map.of(), page);
      pagesServed.incrementAndGet();
      return true;
    }
    injected.get(fault).incrementAndGet();
    int half = page.length / 2;
    switch (fault) {
      case HTTP_500 ->
          write(out, 500, "Internal Server Error", Map.of(), "{\"error\":\"injected 500\"}");
      case HTTP_502 ->
          write(out, 502, "Bad Gateway", Map.of(), "<html><body>502 Bad Gateway</body></html>");
      case HTTP_503 ->
          write(out, 503, "Service Unavailable", Map.of(), "{\"error\":\"injected 503\"}");
      case HTTP_429 ->
          write(
              out,
              429,
              "Too Many Requests",
              Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)),
              "{\"error\":\"slow down\"}");
      case TRUNCATED_JSON -> {
        // a complete HTTP message whose JSON stops half way, as a buggy proxy or server sends
        writeHead(out, 200, "OK", Map.of(), half);
        out.write(page, 0, half);
        out.flush();
      }
      case RESET_MID_BODY -> {
        writeHead(out, 200, "OK", Map.of(), page.length);
        out.write(page, 0, half);
        out.flush();
        socket.setSoLinger(true, 0); // close with RST: "connection reset"
        return false;
      }
      case SLOW_HEADERS -> {
        Thread.sleep(slowness.toMillis());
        write(out, 200, "OK", Map.of(), page);
        return false;
      }
      case SLOW_BODY -> {
        writeHead(out, 200, "OK", Map.of(), page.length);
        out.write(page, 0, half);
        out.flush();
        Thread.sleep(slowness.toMillis());
        out.write(page, half, page.length - half);
        out.flush();
        return false;
      }
      default -> throw new IllegalStateException(fault.name());
    }
    return true;
  }

  private Fault nextFault() {
    List<Fault> kinds = faults;
    if (rate <= 0 || kinds.isEmpty()) {
      return null;
    }
    synchronized (random) {
      return random.nextDouble() < rate ? kinds.get(random.nextInt(kinds.size())) : null;
    }
  }

  /** The page of at most {@code limit} records after {@code after}. */
  private String page(String after, int limit) {
    List<String> ids = this.ids;
    List<String> bodies = this.bodies;
    int from = 0;
    if (after != null) {
      int found = Collections.binarySearch(ids, after);
      from = found >= 0 ? found + 1 : -found - 1;
    }
    int to = Math.min(ids.size(), from + limit);
    StringBuilder page = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = from; i < to; i++) {
      if (i > from) {
        page.append(',');
      }
      page.append(bodies.get(i));
    }
    return page.append("],\"has_more\":").append(to < ids.size()).append('}').toString();
  }

  /** The page of at most {@code limit} events after {@code after}, created at or after since. */
  private String eventPage(String after, int limit, String since) {
    long from = since == null ? Long.MIN_VALUE : Long.parseLong(since);
    List<String> ids = eventIds;
    List<String> bodies = eventBodies;
    List<Long> created = eventCreated;
    int start = 0;
    if (after != null) {
      int found = Collections.binarySearch(ids, after);
      start = found >= 0 ? found + 1 : -found - 1;
    }
    StringBuilder page = new StringBuilder("{\"object\":\"list\",\"data\":[");
    int taken = 0;
    int i = start;
    for (; i < ids.size() && taken < limit; i++) {
      if (created.get(i) < from) {
        continue;
      }
      page.append(taken++ > 0 ? "," : "").append(bodies.get(i));
    }
    boolean more = false;
    for (int j = i; j < ids.size() && !more; j++) {
      more = created.get(j) >= from;
    }
    return page.append("],\"has_more\":").append(more).append('}').toString();
  }

  private static void write(
      OutputStream out, int status, String reason, Map<String, String> headers, String body)
      throws IOException {
    write(out, status, reason, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(
      OutputStream out, int status, String reason, Map<String, String> headers, byte[] body)
      throws IOException {
    writeHead(out, status, reason, headers, body.length);
    out.write(body);
    out.flush();
  }

  private static void writeHead(
      OutputStream out, int status, String reason, Map<String, String> headers, int contentLength)
      throws IOException {
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
    head.append("Content-Type: application/json; charset=utf-8\r\n");
    head.append("Content-Length: ").append(contentLength).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    synchronized (open) {
      for (Socket socket : open) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    connections.shutdownNow();
  }

  /**
   * One request as read off the wire: the path, the query and the headers (names in lower case).
   */
  private record Request(
      String method, String path, Map<String, String> query, Map<String, String> headers) {

    /** The next request, or {@code null} when the client closed the connection. */
    static Request read(InputStream in) throws IOException {
      String line = line(in);
      if (line == null || line.isEmpty()) {
        return null;
      }
      String[] parts = line.split(" ");
      if (parts.length != 3) {
        throw new IOException("bad request line: " + line);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon > 0) {
          headers.put(
              header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              header.substring(colon + 1).trim());
        }
      }
      String target = parts[1];
      int question = target.indexOf('?');
      Map<String, String> query = new LinkedHashMap<>();
      if (question >= 0) {
        for (String pair : target.substring(question + 1).split("&")) {
          int equals = pair.indexOf('=');
          String name = equals < 0 ? pair : pair.substring(0, equals);
          String value = equals < 0 ? "" : pair.substring(equals + 1);
          query.put(
              URLDecoder.decode(name, StandardCharsets.UTF_8),
              URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
      }
      return new Request(
          parts[0], question < 0 ? target : target.substring(0, question), query, headers);
    }

    private static String line(InputStream in) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int b;
      try {
        while ((b = in.read()) != -1) {
          if (b == '\n') {
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
          }
          bytes.write(b);
        }
      } catch (SocketException e) {
        return null;
      }
      return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
