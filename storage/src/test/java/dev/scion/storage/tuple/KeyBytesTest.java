package dev.scion.storage.tuple;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyBytesTest {

  @Test
  void comparesUnsignedWithPrefixesFirst() {
    assertTrue(KeyBytes.compare(new byte[] {}, new byte[] {0}) < 0);
    assertTrue(KeyBytes.compare(new byte[] {1}, new byte[] {1, 0}) < 0);
    assertTrue(KeyBytes.compare(new byte[] {0x7F}, new byte[] {(byte) 0x80}) < 0);
    assertTrue(KeyBytes.compare(new byte[] {(byte) 0xFF}, new byte[] {0x00, 0x00}) > 0);
    assertEquals(0, KeyBytes.compare(new byte[] {5, 6}, new byte[] {5, 6}));
    List<byte[]> keys = new ArrayList<>(List.of(new byte[] {(byte) 0xFF}, new byte[] {}, new byte[] {1, 2}, new byte[] {1}));
    keys.sort(KeyBytes.ORDER);
    assertArrayEquals(new byte[] {}, keys.get(0));
    assertArrayEquals(new byte[] {1}, keys.get(1));
    assertArrayEquals(new byte[] {1, 2}, keys.get(2));
  }

  @Test
  void prefixEndIsTheFirstKeyAfterThePrefix() {
    assertArrayEquals(new byte[] {1, 3}, KeyBytes.prefixEnd(new byte[] {1, 2}));
    assertArrayEquals(new byte[] {2}, KeyBytes.prefixEnd(new byte[] {1, (byte) 0xFF}));
    assertNull(KeyBytes.prefixEnd(new byte[] {(byte) 0xFF, (byte) 0xFF}));
    assertNull(KeyBytes.prefixEnd(new byte[] {}));
    byte[] p = {1, 2};
    byte[] end = KeyBytes.prefixEnd(p);
    for (byte[] k : new byte[][] {{1, 2}, {1, 2, 0}, {1, 2, (byte) 0xFF, (byte) 0xFF}}) {
      assertTrue(KeyBytes.compare(k, end) < 0, Arrays.toString(k));
    }
  }
}
