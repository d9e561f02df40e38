package dev.scion.storage.chunk;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import org.junit.jupiter.api.Test;

class ChunkBufferTest {

  @Test
  void readsItsOwnChunksThenTheBase() {
    MemoryChunkStore base = new MemoryChunkStore();
    Hash old = base.put(new byte[] {1});
    ChunkBuffer buffer = new ChunkBuffer(base);
    Hash fresh = buffer.put(new byte[] {2});
    assertEquals(Hash.of(new byte[] {2}), fresh);
    assertArrayEquals(new byte[] {1}, buffer.get(old));
    assertArrayEquals(new byte[] {2}, buffer.get(fresh));
    assertTrue(buffer.has(old));
    assertTrue(buffer.has(fresh));
    assertFalse(base.has(fresh), "nothing reaches the base until committed");
    assertNull(buffer.get(Hash.of(new byte[] {3})));
    assertEquals(1, buffer.size());
    assertEquals(1, buffer.pendingBytes());
    assertTrue(buffer.pending().containsKey(fresh));
    assertThrows(UnsupportedOperationException.class, () -> buffer.pending().clear());
  }

  @Test
  void duplicatePutsAreStoredOnceAndClearForgetsAll() {
    ChunkBuffer buffer = new ChunkBuffer(new MemoryChunkStore());
    buffer.put(new byte[] {7, 7});
    buffer.put(new byte[] {7, 7});
    assertEquals(1, buffer.size());
    assertEquals(2, buffer.pendingBytes());
    buffer.clear();
    assertEquals(0, buffer.size());
    assertEquals(0, buffer.pendingBytes());
    assertFalse(buffer.has(Hash.of(new byte[] {7, 7})));
  }
}
