package dev.scion.storage.tuple;

import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.Hash;
import dev.scion.storage.blob.BlobTree;
import dev.scion.storage.chunk.MemoryChunkStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutOfLineValuesTest {
  private static final TupleDescriptor ROW =
      new TupleDescriptor(FieldType.INT64, FieldType.STRING, FieldType.BYTES, FieldType.JSON, FieldType.STRING);

  @Test
  void longFieldsGoOutOfLineAndComeBack() {
    MemoryChunkStore store = new MemoryChunkStore();
    String big = "x".repeat(OutOfLineValues.THRESHOLD_BYTES + 1);
    byte[] bytes = new byte[50_000];
    new java.util.Random(1).nextBytes(bytes);
    String json = "{\"a\": \"" + "é".repeat(3000) + "\"}";
    Object[] row = {7L, big, bytes, json, "short"};
    byte[] encoded = ROW.encodeValue(row, store);
    assertTrue(encoded.length < 200, "the tuple holds references only: " + encoded.length);
    assertTrue(OutOfLineValues.hasOutOfLine(encoded));
    assertArrayEquals(row, ROW.decodeValue(encoded, store));
    assertArrayEquals(bytes, (byte[]) ROW.decodeValueField(encoded, 2, store));
    assertEquals("short", ROW.decodeValueField(encoded, 4, store));
    assertEquals(7L, ROW.decodeValueField(encoded, 0), "inline fields need no reader");
    assertThrows(IllegalStateException.class, () -> ROW.decodeValue(encoded));

    List<Hash> blobs = new ArrayList<>();
    OutOfLineValues.forEachBlob(encoded, 0, encoded.length, blobs::add);
    assertEquals(3, blobs.size());
    assertEquals(bytes.length, BlobTree.length(store, blobs.get(1)));

    dev.scion.storage.blob.BlobRef ref = ROW.outOfLineRef(encoded, 2);
    assertEquals(blobs.get(1), ref.root());
    assertEquals(bytes.length, ref.length());
    try (java.io.InputStream in = BlobTree.read(store, ref.root())) {
      assertArrayEquals(bytes, in.readAllBytes());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertNull(ROW.outOfLineRef(encoded, 0), "inline field");
    assertNull(ROW.outOfLineRef(encoded, 4), "inline field");
  }

  @Test
  void valuesAtTheThresholdStayInline() {
    MemoryChunkStore store = new MemoryChunkStore();
    String atLimit = "y".repeat(OutOfLineValues.THRESHOLD_BYTES);
    Object[] row = {1L, atLimit, null, null, null};
    byte[] withStore = ROW.encodeValue(row, store);
    assertArrayEquals(ROW.encodeValue(row), withStore, "same encoding as without a store");
    assertFalse(OutOfLineValues.hasOutOfLine(withStore));
    assertEquals(0, store.size());
    List<Hash> none = new ArrayList<>();
    OutOfLineValues.forEachBlob(withStore, 0, withStore.length, none::add);
    assertEquals(List.of(), none);
  }

  @Test
  void equalValuesGiveEqualTuples() {
    MemoryChunkStore a = new MemoryChunkStore();
    MemoryChunkStore b = new MemoryChunkStore();
    Object[] row = {1L, "z".repeat(10_000), null, null, null};
    assertArrayEquals(ROW.encodeValue(row, a), ROW.encodeValue(row, b));
  }

  @Test
  void scanningNonTuplesNeverThrows() {
    java.util.Random r = new java.util.Random(2);
    for (int i = 0; i < 10_000; i++) {
      byte[] junk = new byte[r.nextInt(80)];
      r.nextBytes(junk);
      OutOfLineValues.forEachBlob(junk, 0, junk.length, h -> {});
    }
  }
}
