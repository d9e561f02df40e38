package dev.scion.versioning.model;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.encoding.BinaryReader;
import dev.scion.versioning.encoding.BinaryWriter;
import dev.scion.versioning.encoding.CorruptObjectException;
import dev.scion.versioning.encoding.ObjectKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable database state: table name to table chunk hash. Names keep the case they were created with
 * and are looked up case-insensitively, as MySQL does with lower_case_table_names=1... for lookups only.
 *
 * <p>Stored (format 2) as a small header chunk naming a prolly map keyed by the lower-cased table name, whose
 * value is the table address followed by the stored spelling. Looking one table up reads one path of that
 * tree, and adding, replacing or dropping a table rewrites one path, so a database with thousands of tables
 * costs the same per statement as one with ten. Edits made in memory ({@link #withTable}) are kept as an
 * overlay until {@link #write} applies them to the tree.
 *
 * <p>Format 1 (one chunk listing every table) is still read; such a root is held entirely in the overlay and
 * written back as format 2.
 */
public final class RootValue {
    /** The root format this code writes. */
    public static final int FORMAT_VERSION = 2;

    /** Marks a dropped table in the overlay. */
    private static final Slot REMOVED = new Slot("", Hash.ZERO);

    /** The stored tables, or null when nothing is stored yet (a new or format 1 root). */
    private final ProllyMap stored;
    /** Lower-cased name to the table's new entry (or {@link #REMOVED}), not yet in {@link #stored}. */
    private final TreeMap<String, Slot> edits;
    /**
     * The database's default collation as this root versions it, or null when the root sets none (the
     * repository's setting applies). Part of the header, so a change is a change of the root like a table's.
     */
    private final String collation;

    private record Slot(String name, Hash table) {
    }

    private RootValue(ProllyMap stored, TreeMap<String, Slot> edits, String collation) {
        this.stored = stored;
        this.edits = edits;
        this.collation = collation;
    }

    /** A root of exactly these tables, held in memory until written. */
    public RootValue(SortedMap<String, Hash> tables) {
        this(null, overlayOf(tables), null);
    }

    public static RootValue empty() {
        return new RootValue(null, new TreeMap<>(), null);
    }

    /** The database collation this root sets, or null when it sets none. */
    public String collation() {
        return collation;
    }

    /** This root with the database collation set to {@code collation} (null: none set). */
    public RootValue withCollation(String collation) {
        return java.util.Objects.equals(collation, this.collation) ? this
                : new RootValue(stored, edits, collation);
    }

    private static TreeMap<String, Slot> overlayOf(Map<String, Hash> tables) {
        TreeMap<String, Slot> overlay = new TreeMap<>();
        tables.forEach((name, table) -> overlay.put(key(name), new Slot(name, table)));
        return overlay;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static byte[] keyBytes(String lowerName) {
        return lowerName.getBytes(StandardCharsets.UTF_8);
    }

    // ---- lookups: one path of the tree ----

    private Slot slot(String name) {
        String k = key(name);
        Slot s = edits.get(k);
        if (s != null) {
            return s == REMOVED ? null : s;
        }
        if (stored == null) {
            return null;
        }
        byte[] v = stored.get(keyBytes(k));
        return v == null ? null : decodeSlot(v);
    }

    /** A table's stored name and address. */
    public record NamedTable(String name, Hash address) {
    }

    /** The table named {@code name} (matched case-insensitively) with its stored name, or null: one lookup. */
    public NamedTable find(String name) {
        Slot s = slot(name);
        return s == null ? null : new NamedTable(s.name(), s.table());
    }

    /** The stored name of a table, matched case-insensitively. */
    public Optional<String> resolveName(String name) {
        Slot s = slot(name);
        return s == null ? Optional.empty() : Optional.of(s.name());
    }

    public Optional<Hash> table(String name) {
        Slot s = slot(name);
        return s == null ? Optional.empty() : Optional.of(s.table());
    }

    /** The address of a table (matched case-insensitively), or null if there is none. */
    public Hash tableHash(String name) {
        Slot s = slot(name);
        return s == null ? null : s.table();
    }

    public boolean hasTable(String name) {
        return slot(name) != null;
    }

    /**
     * Every table, stored name to address, sorted by stored name. Reads the whole table map: callers that need
     * one table use {@link #table} or {@link #tableHash}.
     */
    public SortedMap<String, Hash> tables() {
        TreeMap<String, Hash> out = new TreeMap<>();
        if (stored != null) {
            try (ProllyCursor c = stored.cursor()) {
                while (c.next()) {
                    String k = new String(c.key(), StandardCharsets.UTF_8);
                    if (!edits.containsKey(k)) {
                        Slot s = decodeSlot(c.value());
                        out.put(s.name(), s.table());
                    }
                }
            }
        }
        edits.values().forEach(s -> {
            if (s != REMOVED) {
                out.put(s.name(), s.table());
            }
        });
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * The stored names (from either root) of the tables whose entry differs between {@code from} and this root:
     * added, dropped, renamed or pointing at another table value. Between two stored roots this is a diff of
     * their table maps, so it costs the size of the change, not the number of tables.
     */
    public java.util.Set<String> changedTablesSince(RootValue from) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (stored != null && from.stored != null && edits.isEmpty() && from.edits.isEmpty()) {
            var it = ProllyMap.diff(from.stored, stored);
            while (it.hasNext()) {
                var d = it.next();
                out.add(decodeSlot(d.toValue() != null ? d.toValue() : d.fromValue()).name());
            }
            return out;
        }
        SortedMap<String, Hash> a = from.tables();
        SortedMap<String, Hash> b = tables();
        a.forEach((name, h) -> {
            if (!h.equals(b.get(name))) {
                out.add(name);
            }
        });
        b.forEach((name, h) -> {
            if (!h.equals(a.get(name))) {
                out.add(name);
            }
        });
        return out;
    }

    // ---- edits: in memory until written ----

    public RootValue withTable(String name, Hash table) {
        TreeMap<String, Slot> next = new TreeMap<>(edits);
        next.put(key(name), new Slot(name, table));
        return new RootValue(stored, next, collation);
    }

    public RootValue withoutTable(String name) {
        if (!hasTable(name)) {
            return this;
        }
        TreeMap<String, Slot> next = new TreeMap<>(edits);
        next.put(key(name), REMOVED);
        return new RootValue(stored, next, collation);
    }

    // ---- encoding ----

    /**
     * Writes this root to {@code out}: the edited paths of the table map, then the header. Returns the header's
     * address, which is what commits and working sets refer to. {@code out} must be able to read the chunks this
     * root was read from (a transaction's buffer over the store, or the store itself).
     */
    public Hash write(ChunkStore out) {
        return writeAndKeep(out).address();
    }

    /** A root as written: its address, and an equal root that reads its table map from where it was written. */
    public record Written(Hash address, RootValue root) {
    }

    /**
     * Writes this root as {@link #write} does and also returns it in stored form (no overlay), read through
     * {@code out}: a transaction that keeps using its new root (the next statement's table lookup) neither
     * decodes the header again nor applies the overlay a second time.
     */
    public Written writeAndKeep(ChunkStore out) {
        ProllyMap map = stored != null ? stored : ProllyMap.empty(out);
        if (!edits.isEmpty()) {
            MapEdits me = new MapEdits();
            edits.forEach((k, s) -> {
                if (s == REMOVED) {
                    me.delete(keyBytes(k));
                } else {
                    me.put(keyBytes(k), encodeSlot(s));
                }
            });
            map = map.edit(me, out);
        }
        Hash address = out.put(header(map.root(), collation));
        return new Written(address, edits.isEmpty() && stored != null ? this
                : new RootValue(map, new TreeMap<>(), collation));
    }

    /**
     * This root reading its table map through {@code reader} (which must hold it), as {@link #decode} would give it
     * from there: a root written through a transaction's buffer, kept once the buffer is committed, without
     * keeping the buffer.
     */
    public RootValue readingFrom(ChunkReader reader) {
        return stored == null ? this : new RootValue(stored.readingFrom(reader), edits, collation);
    }

    /**
     * The header chunk of a format 2 root whose table map is stored under {@code tableMap}. The database
     * collation follows the address only when the root sets one, so a root without one encodes (and hashes)
     * exactly as before collations were versioned, and older readers' headers read unchanged.
     */
    public static byte[] header(Hash tableMap, String collation) {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.ROOT_MAP).varInt(FORMAT_VERSION).hash(tableMap);
        if (collation != null) {
            w.string(collation);
        }
        return w.toByteArray();
    }

    /** The table map a root chunk names, or null for a format 1 root (which names its tables inline). */
    public static Hash tableMapOf(byte[] chunk) {
        if (chunk.length == 0 || chunk[0] != ObjectKind.ROOT_MAP.tag()) {
            return null;
        }
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.ROOT_MAP);
        int version = r.varInt();
        if (version != FORMAT_VERSION) {
            throw new CorruptObjectException("root value format " + version + " is not supported by this version "
                    + "of Scion (it reads formats 1 and " + FORMAT_VERSION + ")");
        }
        return r.hash();
    }

    /** The table addresses of a format 1 root chunk. */
    public static SortedMap<String, Hash> formatOneTables(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.ROOT_VALUE);
        int n = r.varInt();
        TreeMap<String, Hash> t = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            t.put(r.string(), r.hash());
        }
        return t;
    }

    /** Format 1 encoding, kept so tests can build repositories as older versions wrote them. */
    public static byte[] encodeFormatOne(SortedMap<String, Hash> tables) {
        BinaryWriter w = new BinaryWriter().kind(ObjectKind.ROOT_VALUE);
        w.varInt(tables.size());
        tables.forEach((name, table) -> w.string(name).hash(table));
        return w.toByteArray();
    }

    /** Reads a root chunk of either format; {@code reader} serves the table map's nodes from then on. */
    public static RootValue decode(byte[] chunk, ChunkReader reader) {
        Hash map = tableMapOf(chunk);
        if (map == null) {
            return new RootValue(formatOneTables(chunk));
        }
        return new RootValue(ProllyMap.load(reader, map), new TreeMap<>(), collationOf(chunk));
    }

    /** The database collation a format 2 root header sets, or null. */
    private static String collationOf(byte[] chunk) {
        BinaryReader r = new BinaryReader(chunk).expect(ObjectKind.ROOT_MAP);
        r.varInt();
        r.hash();
        return r.hasMore() ? r.string() : null;
    }

    /** A table map value: the 20-byte table address, then the stored name in UTF-8. */
    private static byte[] encodeSlot(Slot s) {
        byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
        byte[] v = Arrays.copyOf(s.table().bytes(), Hash.LENGTH + name.length);
        System.arraycopy(name, 0, v, Hash.LENGTH, name.length);
        return v;
    }

    private static Slot decodeSlot(byte[] v) {
        if (v.length < Hash.LENGTH) {
            throw new CorruptObjectException("table map value of " + v.length + " bytes");
        }
        return new Slot(new String(v, Hash.LENGTH, v.length - Hash.LENGTH, StandardCharsets.UTF_8),
                Hash.fromBytes(v, 0));
    }

    /** The table address in a table map value (for walkers that must not decode names). */
    public static Hash tableOfSlot(byte[] leaf, int valueStart, int valueEnd) {
        if (valueEnd - valueStart < Hash.LENGTH) {
            throw new CorruptObjectException("table map value of " + (valueEnd - valueStart) + " bytes");
        }
        return Hash.fromBytes(leaf, valueStart);
    }

    /** Equal roots hold the same tables under the same names (whatever their encoding). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RootValue rv) || !java.util.Objects.equals(rv.collation, collation)) {
            return false;
        }
        if (rv.edits.isEmpty() && edits.isEmpty() && rv.stored != null && stored != null) {
            return rv.stored.root().equals(stored.root());
        }
        return rv.tables().equals(tables());
    }

    @Override
    public int hashCode() {
        return tables().hashCode() * 31 + java.util.Objects.hashCode(collation);
    }
}
