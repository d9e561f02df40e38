package dev.scion.storage.blob;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.chunk.MissingChunkException;
import dev.scion.storage.chunk.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Large byte sequences stored as content-addressed trees: the bytes are cut into leaf chunks at
 * content-defined boundaries (a gear rolling hash over the last 64 bytes), and leaves are grouped under
 * internal nodes whose boundaries come from the child addresses. Boundaries depend on content only, so the
 * same bytes always give the same root, and an edit in the middle of a large value rewrites the leaves
 * around it plus one path of internal nodes, sharing every other chunk with the old version.
 *
 * <p>Chunk format (integers big-endian):
 *
 * <pre>
 *   leaf:      u8 level=0 | raw bytes
 *   internal:  u8 level>=1 | u32 n | (20-byte child address, u64 cumulative byte count)[n]
 * </pre>
 */
public final class BlobTree {
  /** No leaf boundary before this many bytes. */
  static final int MIN_LEAF = 512;
  /** A leaf always ends here. */
  static final int MAX_LEAF = 16 * 1024;
  /** Boundary when the top 12 bits of the gear hash are zero: one chance in 4096 per byte past MIN_LEAF. */
  private static final long LEAF_MASK = 0xFFF0_0000_0000_0000L;
  /** Internal nodes end after a child whose address has its low 7 bits of the first word zero (1 in 128). */
  private static final long NODE_MASK = 0x7F;
  static final int MAX_CHILDREN = 512;
  static final int ENTRY_BYTES = Hash.LENGTH + 8;

  /** 256 fixed pseudo-random words (SplitMix64 from a fixed seed): part of the format, never change. */
  private static final long[] GEAR = new long[256];

  static {
    long x = 0x5C10_B10B_0000_0001L;
    for (int i = 0; i < 256; i++) {
      x += 0x9E3779B97F4A7C15L;
      long z = x;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      GEAR[i] = z ^ (z >>> 31);
    }
  }

  private BlobTree() {}

  /** Stores {@code data} as a blob tree in {@code out}. */
  public static BlobRef write(ChunkStore out, byte[] data) {
    try {
      return write(out, new ByteArrayInputStream(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array stream does not fail
    }
  }

  /** Stores everything {@code in} yields (streaming: memory stays one leaf plus one node per level). */
  public static BlobRef write(ChunkStore out, InputStream in) throws IOException {
    Objects.requireNonNull(out, "out");
    BlobWriter w = new BlobWriter(out);
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) > 0; ) {
      w.write(buf, 0, n);
    }
    return w.finish();
  }

  /** A stream of the blob's bytes, loading one leaf at a time. */
  public static InputStream read(ChunkReader in, Hash root) {
    return new BlobInputStream(in, root);
  }

  /** The whole blob in one array. */
  public static byte[] readAllBytes(ChunkReader in, Hash root) {
    long len = length(in, root);
    if (len > Integer.MAX_VALUE - 16) {
      throw new StorageException("blob " + root + " of " + len + " bytes is too large for one array");
    }
    try (InputStream s = read(in, root)) {
      return s.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blob's length, read from its root chunk. */
  public static long length(ChunkReader in, Hash root) {
    byte[] b = load(in, root);
    if (b[0] == 0) {
      return b.length - 1;
    }
    int n = childCount(b, root);
    return cumulative(b, n - 1);
  }

  /** Reports the children of a blob chunk (none for a leaf); StorageException if it is not a blob chunk. */
  public static void forEachChild(Hash address, byte[] chunk, Consumer<Hash> out) {
    if (chunk.length == 0) {
      throw corrupt(address, "empty");
    }
    if (chunk[0] == 0) {
      return;
    }
    int n = childCount(chunk, address);
    for (int i = 0; i < n; i++) {
      out.accept(Hash.fromBytes(chunk, 5 + i * ENTRY_BYTES));
    }
  }

  // ---- format helpers ----

  static byte[] load(ChunkReader in, Hash h) {
    byte[] b = in.get(h);
    if (b == null) {
      throw new MissingChunkException(h);
    }
    if (b.length == 0) {
      throw corrupt(h, "empty");
    }
    return b;
  }

  static int childCount(byte[] b, Hash address) {
    if (b.length < 5) {
      throw corrupt(address, "truncated header");
    }
    int n = ((b[1] & 0xff) << 24) | ((b[2] & 0xff) << 16) | ((b[3] & 0xff) << 8) | (b[4] & 0xff);
    if (n <= 0 || 5L + (long) n * ENTRY_BYTES != b.length) {
      throw corrupt(address, "bad child count " + n);
    }
    return n;
  }

  static long cumulative(byte[] b, int i) {
    int off = 5 + i * ENTRY_BYTES + Hash.LENGTH;
    long v = 0;
    for (int k = 0; k < 8; k++) {
      v = (v << 8) | (b[off + k] & 0xff);
    }
    return v;
  }

  static StorageException corrupt(Hash address, String why) {
    return new StorageException("chunk " + address + " is not a valid blob node: " + why);
  }

  static long gear(long h, byte b) {
    return (h << 1) + GEAR[b & 0xff];
  }

  static boolean leafBoundary(long gearHash) {
    return (gearHash & LEAF_MASK) == 0;
  }

  static boolean nodeBoundary(Hash lastChild) {
    return (lastChild.high64() & NODE_MASK) == 0;
  }
}
