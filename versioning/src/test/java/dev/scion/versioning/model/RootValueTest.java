package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.chunk.MemoryChunkStore;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.encoding.CorruptObjectException;
import dev.scion.versioning.encoding.ObjectKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RootValueTest {
    /** Counts the chunks read and written through it. */
    static final class CountingStore implements ChunkStore {
        final MemoryChunkStore inner = new MemoryChunkStore();
        long reads;
        long writes;

        @Override
        public Hash put(byte[] chunk) {
            writes++;
            return inner.put(chunk);
        }

        @Override
        public byte[] get(Hash h) {
            reads++;
            return inner.get(h);
        }

        @Override
        public boolean has(Hash h) {
            return inner.has(h);
        }
    }

    private static Hash table(int i) {
        return Hash.of(("table " + i).getBytes(StandardCharsets.UTF_8));
    }

    private static RootValue reread(ChunkStore store, Hash h) {
        return RootValue.decode(store.get(h), store);
    }

    @Test
    void namesMatchCaseInsensitivelyAndKeepTheirSpelling() {
        MemoryChunkStore store = new MemoryChunkStore();
        RootValue root = reread(store, RootValue.empty().withTable("People", table(1)).withTable("orders", table(2))
                .write(store));
        assertEquals(Optional.of("People"), root.resolveName("PEOPLE"));
        assertEquals(table(1), root.tableHash("people"));
        assertNull(root.tableHash("nobody"));
        assertFalse(root.hasTable("nobody"));
        // replacing under another spelling keeps one table, spelled the new way
        RootValue renamed = root.withTable("PEOPLE", table(3));
        assertEquals(Map.of("PEOPLE", table(3), "orders", table(2)), renamed.tables());
        RootValue dropped = reread(store, renamed.withoutTable("Orders").write(store));
        assertEquals(Map.of("PEOPLE", table(3)), dropped.tables());
        assertEquals(List.of("PEOPLE"), new ArrayList<>(dropped.tables().keySet()));
        assertTrue(dropped.withoutTable("nobody") == dropped, "dropping an absent table changes nothing");
    }

    @Test
    void theSameTablesGiveTheSameRootWhateverTheOrderOfEdits() {
        MemoryChunkStore store = new MemoryChunkStore();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            order.add(i);
        }
        RootValue a = RootValue.empty();
        for (int i : order) {
            a = reread(store, a.withTable("t" + i, table(i)).write(store));
        }
        Collections.shuffle(order, new java.util.Random(7));
        RootValue b = RootValue.empty().withTable("extra", table(-1));
        for (int i : order) {
            b = b.withTable("t" + i, table(i));
        }
        b = b.withoutTable("extra");
        Hash ha = a.write(store);
        Hash hb = b.write(store);
        assertEquals(ha, hb);
        assertEquals(a, b);
        assertEquals(500, reread(store, hb).tables().size());
        assertNotEquals(a, a.withTable("t1", table(2)));
    }

    @Test
    void formatOneRootsAreReadAndWrittenBackAsFormatTwo() {
        MemoryChunkStore store = new MemoryChunkStore();
        TreeMap<String, Hash> tables = new TreeMap<>(Map.of("People", table(1), "orders", table(2)));
        Hash old = store.put(RootValue.encodeFormatOne(tables));
        RootValue read = reread(store, old);
        assertEquals(tables, read.tables());
        assertEquals(table(1), read.tableHash("PEOPLE"));
        Hash rewritten = read.write(store);
        byte[] chunk = store.get(rewritten);
        assertEquals(ObjectKind.ROOT_MAP.tag(), chunk[0]);
        assertEquals(tables, reread(store, rewritten).tables());
        assertEquals(new RootValue(tables).write(store), rewritten);
    }

    @Test
    void theDatabaseCollationIsVersionedWithoutChangingRootsThatSetNone() {
        MemoryChunkStore store = new MemoryChunkStore();
        RootValue plain = new RootValue(new TreeMap<>(Map.of("t", table(1))));
        Hash plainHash = plain.write(store);
        // a root without a collation keeps the header it always had: kind, format, table map address
        assertEquals(1 + 1 + Hash.LENGTH, store.get(plainHash).length);
        RootValue spanish = reread(store, plainHash).withCollation("utf8mb4_spanish_ci");
        Hash spanishHash = spanish.write(store);
        assertNotEquals(plainHash, spanishHash);
        RootValue back = reread(store, spanishHash);
        assertEquals("utf8mb4_spanish_ci", back.collation());
        assertEquals(table(1), back.tableHash("t"));
        assertEquals("utf8mb4_spanish_ci", back.withTable("u", table(2)).collation());
        assertNotEquals(plain, back);
        assertEquals(plainHash, back.withCollation(null).write(store));
        assertEquals(RootValue.tableMapOf(store.get(plainHash)), RootValue.tableMapOf(store.get(spanishHash)));
    }

    @Test
    void anUnknownFormatVersionIsRefused() {
        MemoryChunkStore store = new MemoryChunkStore();
        byte[] chunk = RootValue.header(ProllyMap.empty(store).root(), null);
        chunk[1] = 9; // the format version follows the kind byte
        assertThrows(CorruptObjectException.class, () -> RootValue.decode(chunk, store));
    }

    /**
     * What made createtable1 (4,575 tables) slow: every statement decoded and re-encoded every table. Now a lookup
     * reads one path of the table map and an edit writes one path plus the header.
     */
    @Test
    void withAThousandTablesALookupAndAnEditTouchOnePath() {
        CountingStore store = new CountingStore();
        TreeMap<String, Hash> tables = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            tables.put("a_table_with_a_fairly_long_name_" + i, table(i));
        }
        Hash h = new RootValue(tables).write(store);
        RootValue root = reread(store, h);
        int depth = ProllyMap.load(store.inner, RootValue.tableMapOf(store.inner.get(h))).depth();
        assertTrue(depth >= 2, "a thousand tables need more than one node: depth " + depth);

        store.reads = 0;
        assertEquals(table(500), root.tableHash("A_TABLE_WITH_A_FAIRLY_LONG_NAME_500"));
        assertFalse(root.hasTable("missing"));
        System.out.println("FIGURE chunks read by two table lookups among 1,000 tables (map depth " + depth + ") = "
                + store.reads);
        assertTrue(store.reads <= 2L * (depth - 1), "read " + store.reads + " chunks");

        store.reads = 0;
        store.writes = 0;
        Hash next = root.withTable("one_more", table(1000)).write(store);
        System.out.println("FIGURE chunks read / written by adding a table to 1,000 = " + store.reads + " / "
                + store.writes);
        assertTrue(store.writes <= depth + 1, "wrote " + store.writes + " chunks");
        assertTrue(store.reads <= 2L * depth, "read " + store.reads + " chunks");
        assertEquals(1001, reread(store, next).tables().size());
    }
}
