package dev.scion.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashTest {

  @Test
  void ofIsTheFirstTwentyBytesOfSha512() throws Exception {
    Random r = new Random(1);
    for (int len : new int[] {0, 1, 20, 4096, 100_000}) {
      byte[] chunk = new byte[len];
      r.nextBytes(chunk);
      byte[] sha = MessageDigest.getInstance("SHA-512").digest(chunk);
      assertArrayEquals(Arrays.copyOf(sha, 20), Hash.of(chunk).bytes());
    }
  }

  @Test
  void base32RoundTrips() {
    Random r = new Random(2);
    for (int i = 0; i < 1000; i++) {
      byte[] b = new byte[20];
      r.nextBytes(b);
      Hash h = Hash.fromBytes(b);
      String s = h.toString();
      assertEquals(32, s.length());
      assertTrue(s.chars().allMatch(c -> "0123456789abcdefghijklmnopqrstuv".indexOf(c) >= 0));
      assertTrue(Hash.isHashString(s));
      assertEquals(h, Hash.parse(s));
      assertArrayEquals(b, Hash.parse(s).bytes());
      assertEquals(h.hashCode(), Hash.parse(s).hashCode());
    }
  }

  @Test
  void knownValues() {
    assertEquals("00000000000000000000000000000000", Hash.ZERO.toString());
    assertTrue(Hash.ZERO.isZero());
    byte[] ones = new byte[20];
    Arrays.fill(ones, (byte) 0xFF);
    assertEquals("vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv", Hash.fromBytes(ones).toString());
    byte[] first = new byte[20];
    first[0] = (byte) 0x08; // 00001 000...: the first character carries the top 5 bits
    assertEquals("1" + "0".repeat(31), Hash.fromBytes(first).toString());
    Hash seedLike = Hash.parse("13v8ns8rdu0c1ac4rbql095m1pcfh46m");
    assertEquals("13v8ns8rdu0c1ac4rbql095m1pcfh46m", seedLike.toString());
  }

  @Test
  void orderingEqualsByteOrderAndStringOrder() {
    Random r = new Random(3);
    List<Hash> hashes = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[20];
      r.nextBytes(b);
      if (i % 10 == 0) {
        Arrays.fill(b, 0, 1 + r.nextInt(19), (byte) (r.nextBoolean() ? 0 : 0xFF)); // long shared prefixes
      }
      hashes.add(Hash.fromBytes(b));
    }
    List<Hash> byCompare = new ArrayList<>(hashes);
    byCompare.sort(Comparator.naturalOrder());
    List<Hash> byBytes = new ArrayList<>(hashes);
    byBytes.sort((a, b) -> Arrays.compareUnsigned(a.bytes(), b.bytes()));
    List<Hash> byString = new ArrayList<>(hashes);
    byString.sort(Comparator.comparing(Hash::toString));
    assertEquals(byBytes, byCompare);
    assertEquals(byBytes, byString);
  }

  @Test
  void parseRejectsBadInput() {
    for (String bad : new String[] {null, "", "13v8ns8rdu0c1ac4rbql095m1pcfh46", "13v8ns8rdu0c1ac4rbql095m1pcfh46mm",
        "13V8NS8RDU0C1AC4RBQL095M1PCFH46M", "13v8ns8rdu0c1ac4rbql095m1pcfh46w", "13v8ns8rdu0c1ac4rbql095m1pcfh46-",
        "13v8ns8rdu0c1ac4rbql095m1pcfh46\u00e9", "main~1"}) {
      assertFalse(Hash.isHashString(bad), String.valueOf(bad));
      assertThrows(IllegalArgumentException.class, () -> Hash.parse(bad), String.valueOf(bad));
    }
    assertThrows(IllegalArgumentException.class, () -> Hash.fromBytes(new byte[19]));
    assertThrows(IllegalArgumentException.class, () -> Hash.fromBytes(new byte[21]));
  }

  @Test
  void writeToAndEqualsBytes() {
    Hash h = Hash.of(new byte[] {1, 2, 3});
    byte[] buf = new byte[25];
    h.writeTo(buf, 3);
    assertTrue(h.equalsBytes(buf, 3));
    assertEquals(h, Hash.fromBytes(buf, 3));
    ByteBuffer bb = ByteBuffer.allocate(20);
    h.writeTo(bb);
    assertArrayEquals(h.bytes(), bb.array());
    byte[] copy = h.bytes();
    copy[0]++;
    assertNotEquals(Hash.fromBytes(copy), h);
    assertFalse(h.equals(null));
    assertFalse(h.equals("x"));
  }
}
