package dev.scion.versioning.repo;

import dev.scion.storage.Hash;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectCacheTest {
    private static Hash address(int i) {
        return Hash.of(("object " + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void staysWithinItsCapacityAndKeepsWhatIsAskedFor() {
        ObjectCache cache = new ObjectCache(64);
        Object hot = new Object();
        cache.put(address(-1), hot);
        for (int i = 0; i < 10_000; i++) {
            cache.put(address(i), i);
            if (i % 20 == 0) {
                assertSame(hot, cache.get(address(-1)), "a hot object was dropped after " + i + " puts");
            }
            assertTrue(cache.size() <= 64 + 1, cache.size() + " entries");
        }
        assertEquals(9_999, cache.get(address(9_999)));
    }

    @Test
    void anObjectNotAskedForLeavesAfterTwoGenerations() {
        ObjectCache cache = new ObjectCache(8);
        cache.put(address(-1), "cold");
        for (int i = 0; i < 8; i++) {
            cache.put(address(i), i);
        }
        assertNull(cache.get(address(-1)));
        assertEquals("loaded", cache.computeIfAbsent(address(-1), h -> "loaded"));
        assertEquals("loaded", cache.get(address(-1)));
    }
}
