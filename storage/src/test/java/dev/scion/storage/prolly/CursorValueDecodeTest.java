package dev.scion.storage.prolly;

import static dev.scion.storage.prolly.TreeFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.scion.storage.chunk.MemoryChunkStore;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.TupleDescriptor;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A cursor decodes a value in place in its leaf exactly as decoding the value's copy does. */
class CursorValueDecodeTest {

  @Test
  void inPlaceDecodeEqualsDecodingTheCopy() {
    TupleDescriptor d = new TupleDescriptor(FieldType.INT64, FieldType.STRING, FieldType.STRING, FieldType.BYTES);
    Random r = new Random(3);
    TreeMap<byte[], byte[]> model = newModel();
    for (int i = 0; i < 3000; i++) {
      Object[] row = {r.nextInt(5) == 0 ? null : r.nextLong(), "c" + i, r.nextInt(3) == 0 ? null : "p".repeat(r.nextInt(200)),
          r.nextBoolean() ? null : new byte[] {(byte) i, 1, 2}};
      model.put(intKey(i), d.encodeValue(row));
    }
    MemoryChunkStore store = new MemoryChunkStore();
    ProllyMap map = build(store, model);
    assertTrue(map.depth() > 1, "several leaves, so values lie at many offsets");
    boolean[][] masks = {{true, true, true, true}, {false, true, false, false}, {true, false, false, true}, {false}};
    int seen = 0;
    try (ProllyCursor c = map.cursor(KeyRange.ALL, false)) {
      while (c.next()) {
        byte[] copy = c.value();
        for (boolean[] mask : masks) {
          assertArrayEquals(d.decodeWantedFields(copy, mask), c.decodeValue(d, mask));
        }
        seen++;
      }
    }
    assertEquals(model.size(), seen);
  }
}
