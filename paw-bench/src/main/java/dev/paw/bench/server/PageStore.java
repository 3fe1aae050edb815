package dev.paw.bench.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The corpus rendered once into memory, 100 invoices to a block, and list responses cut from it
 * without copying: a response is a few {@link ByteBuffer} views (list head, one or two runs of
 * rendered invoices, list tail). Answers Stripe's list parameters: {@code limit} (1 to 100), {@code
 * starting_after} and {@code created[gte]}.
 */
public final class PageStore {

  public static final int BLOCK = 100;

  private static final byte[] HEAD = bytes("{\"object\":\"list\",\"data\":[");
  private static final byte[] COMMA = bytes(",");
  private static final byte[] MORE = bytes("],\"has_more\":true,\"url\":\"/v1/invoices\"}");
  private static final byte[] LAST = bytes("],\"has_more\":false,\"url\":\"/v1/invoices\"}");

  private final InvoiceCorpus corpus;
  private final byte[][] blocks;

  /**
   * Per block, where each invoice starts, and one more entry: the block's length plus one (past a
   * comma).
   */
  private final int[][] starts;

  private PageStore(InvoiceCorpus corpus, byte[][] blocks, int[][] starts) {
    this.corpus = corpus;
    this.blocks = blocks;
    this.starts = starts;
  }

  /** Renders {@code size} invoices, using every core. */
  public static PageStore render(int size) {
    InvoiceCorpus corpus = new InvoiceCorpus(size);
    int count = (size + BLOCK - 1) / BLOCK;
    byte[][] blocks = new byte[count][];
    int[][] starts = new int[count][];
    IntStream.range(0, count)
        .parallel()
        .forEach(
            b -> {
              int first = b * BLOCK;
              int last = Math.min(size, first + BLOCK);
              int[] at = new int[last - first + 1];
              List<byte[]> parts = new ArrayList<>();
              int length = 0;
              for (int i = first; i < last; i++) {
                byte[] json = corpus.json(i);
                at[i - first] = length;
                parts.add(json);
                length += json.length + 1;
              }
              at[last - first] = length;
              byte[] block = new byte[length - 1];
              int offset = 0;
              for (byte[] part : parts) {
                System.arraycopy(part, 0, block, offset, part.length);
                offset += part.length;
                if (offset < block.length) {
                  block[offset++] = ',';
                }
              }
              blocks[b] = block;
              starts[b] = at;
            });
    return new PageStore(corpus, blocks, starts);
  }

  public InvoiceCorpus corpus() {
    return corpus;
  }

  /** Bytes of all rendered invoices, separators included. */
  public long renderedBytes() {
    long total = 0;
    for (byte[] block : blocks) {
      total += block.length;
    }
    return total;
  }

  /**
   * One list response over the newest {@code listSize} invoices.
   *
   * @param startingAfter an invoice id, or {@code null} for the first page
   * @param createdGte the {@code created[gte]} filter, or {@code null}
   * @return {@code null} when {@code startingAfter} names no invoice of this list
   */
  public Response list(int listSize, int limit, String startingAfter, Long createdGte) {
    int visible = Math.min(listSize, corpus.size());
    if (createdGte != null) {
      visible = Math.min(visible, corpus.countCreatedAtLeast(createdGte));
    }
    int start = 0;
    if (startingAfter != null) {
      int index = corpus.index(startingAfter);
      if (index < 0 || index >= Math.min(listSize, corpus.size())) {
        return null;
      }
      start = index + 1;
    }
    int end = Math.max(start, Math.min(visible, start + Math.max(1, Math.min(BLOCK, limit))));
    List<ByteBuffer> pieces = new ArrayList<>(5);
    pieces.add(ByteBuffer.wrap(HEAD));
    if (end > start) {
      int firstBlock = start / BLOCK;
      int lastBlock = (end - 1) / BLOCK;
      pieces.add(
          run(firstBlock, start % BLOCK, firstBlock == lastBlock ? (end - 1) % BLOCK : BLOCK - 1));
      if (lastBlock != firstBlock) {
        pieces.add(ByteBuffer.wrap(COMMA));
        pieces.add(run(lastBlock, 0, (end - 1) % BLOCK));
      }
    }
    pieces.add(ByteBuffer.wrap(end < visible ? MORE : LAST));
    long length = 0;
    for (ByteBuffer piece : pieces) {
      length += piece.remaining();
    }
    return new Response(pieces.toArray(ByteBuffer[]::new), length, end - start);
  }

  /** Invoices {@code from..to} (inclusive, within one block) as a view of the rendered block. */
  private ByteBuffer run(int block, int from, int to) {
    int begin = starts[block][from];
    int stop = starts[block][to + 1] - 1;
    return ByteBuffer.wrap(blocks[block], begin, stop - begin);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A response body as views that must be written in order; each call to {@link #pieces()} gives
   * fresh views.
   */
  public record Response(ByteBuffer[] views, long length, int records) {

    public ByteBuffer[] pieces() {
      ByteBuffer[] copy = new ByteBuffer[views.length];
      for (int i = 0; i < views.length; i++) {
        copy[i] = views[i].duplicate();
      }
      return copy;
    }
  }
}
