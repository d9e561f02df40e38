package dev.scion.storage.blob;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.MemoryChunkStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlobTreeTest {
  private static byte[] random(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static Set<Hash> chunksOf(MemoryChunkStore store, Hash root) {
    Set<Hash> out = new HashSet<>();
    java.util.ArrayDeque<Hash> todo = new java.util.ArrayDeque<>(Set.of(root));
    while (!todo.isEmpty()) {
      Hash h = todo.pop();
      if (out.add(h)) {
        BlobTree.forEachChild(h, store.get(h), todo::push);
      }
    }
    return out;
  }

  @Test
  void roundTripsAtEverySize() throws IOException {
    Random r = new Random(1);
    for (int n : new int[] {0, 1, 511, 512, 4096, 16 * 1024, 16 * 1024 + 1, 100_000, 3_000_000}) {
      MemoryChunkStore store = new MemoryChunkStore();
      byte[] data = random(r, n);
      BlobRef ref = BlobTree.write(store, data);
      assertEquals(n, ref.length());
      assertEquals(n, BlobTree.length(store, ref.root()));
      assertArrayEquals(data, BlobTree.readAllBytes(store, ref.root()), "size " + n);
      try (InputStream in = BlobTree.read(store, ref.root())) {
        byte[] oneByOne = new byte[n];
        for (int i = 0; i < n; i++) {
          oneByOne[i] = (byte) in.read();
        }
        assertEquals(-1, in.read());
        assertArrayEquals(data, oneByOne);
      }
    }
  }

  @Test
  void sameBytesGiveTheSameRootWhateverTheWriteSizes() throws IOException {
    byte[] data = random(new Random(2), 400_000);
    MemoryChunkStore store = new MemoryChunkStore();
    Hash whole = BlobTree.write(store, data).root();
    // A stream that returns odd-sized reads.
    InputStream dribble = new ByteArrayInputStream(data) {
      final Random r = new Random(3);

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + r.nextInt(7000)));
      }
    };
    assertEquals(whole, BlobTree.write(store, dribble).root());
  }

  @Test
  void aSmallEditSharesAlmostEveryChunk() {
    Random r = new Random(4);
    byte[] data = random(r, 2_000_000);
    MemoryChunkStore store = new MemoryChunkStore();
    Hash a = BlobTree.write(store, data).root();
    byte[] edited = new byte[data.length + 10];
    System.arraycopy(data, 0, edited, 0, 1_000_000);
    System.arraycopy(random(r, 10), 0, edited, 1_000_000, 10); // 10 bytes inserted mid-way
    System.arraycopy(data, 1_000_000, edited, 1_000_010, 1_000_000);
    Hash b = BlobTree.write(store, edited).root();
    Set<Hash> before = chunksOf(store, a);
    Set<Hash> after = chunksOf(store, b);
    Set<Hash> fresh = new HashSet<>(after);
    fresh.removeAll(before);
    assertTrue(before.size() > 300, "leaves are about 4.5 KiB: " + before.size());
    // The leaf holding the insertion (maybe its neighbour) and one path of internal nodes.
    assertTrue(fresh.size() <= 6, "new chunks after a 10-byte insertion: " + fresh.size());
    assertArrayEquals(edited, BlobTree.readAllBytes(store, b));
  }

  @Test
  void leavesStayWithinTheirLimits() {
    MemoryChunkStore store = new MemoryChunkStore();
    byte[] zeros = new byte[200_000]; // no content boundaries: every leaf hits the maximum
    byte[] noise = random(new Random(5), 200_000);
    for (byte[] data : new byte[][] {zeros, noise}) {
      Hash root = BlobTree.write(store, data).root();
      long total = 0;
      int leaves = 0;
      java.util.ArrayDeque<Hash> todo = new java.util.ArrayDeque<>(List.of(root)); // with repeats
      while (!todo.isEmpty()) {
        byte[] c = store.get(todo.pop());
        if (c[0] == 0) {
          leaves++;
          total += c.length - 1;
          assertTrue(c.length - 1 <= BlobTree.MAX_LEAF);
        } else {
          BlobTree.forEachChild(Hash.ZERO, c, todo::push);
        }
      }
      assertEquals(data.length, total);
      assertTrue(leaves >= data.length / BlobTree.MAX_LEAF);
    }
    assertTrue(Arrays.equals(zeros, BlobTree.readAllBytes(store, BlobTree.write(store, zeros).root())));
  }
}
