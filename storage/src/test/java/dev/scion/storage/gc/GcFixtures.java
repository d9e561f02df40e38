package dev.scion.storage.gc;

import dev.scion.storage.Hash;
import dev.scion.storage.blob.BlobTree;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.OutOfLineValues;
import dev.scion.storage.tuple.TupleDescriptor;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** Tables of (id INT64) -> (k INT64, c STRING) rows, some with out-of-line c, and a reachability oracle. */
final class GcFixtures {
  static final TupleDescriptor KEY = new TupleDescriptor(FieldType.INT64);
  static final TupleDescriptor VALUE = new TupleDescriptor(FieldType.INT64, FieldType.STRING);

  private GcFixtures() {}

  static byte[] key(long id) {
    return KEY.encodeKey(new Object[] {id});
  }

  /** A row value; about one in {@code bigOneIn} has a c long enough to go out of line. */
  static Object[] randomRow(Random r, int bigOneIn) {
    int len = r.nextInt(bigOneIn) == 0 ? 3000 + r.nextInt(30_000) : 10 + r.nextInt(120);
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return new Object[] {r.nextLong(), sb.toString()};
  }

  /** Records every address read, so a full read of a table yields exactly its reachable chunks. */
  static final class RecordingReader implements ChunkReader {
    final ChunkReader base;
    final Set<Hash> read = new HashSet<>();

    RecordingReader(ChunkReader base) {
      this.base = base;
    }

    @Override
    public byte[] get(Hash h) {
      read.add(h);
      return base.get(h);
    }

    @Override
    public boolean has(Hash h) {
      return base.has(h);
    }
  }

  /**
   * Reads every row of the table at {@code root} (decoding out-of-line fields) through {@code reader} and
   * returns the rows by id; MissingChunkException if any chunk is gone.
   */
  static TreeMap<Long, Object[]> readAll(ChunkReader reader, Hash root) {
    TreeMap<Long, Object[]> rows = new TreeMap<>();
    ProllyMap map = ProllyMap.load(reader, root);
    ProllyCursor c = map.cursor();
    while (c.next()) {
      long id = (Long) KEY.decodeKey(c.key())[0];
      byte[] v = c.value();
      Object[] row = VALUE.decodeValue(v, reader);
      if (OutOfLineValues.hasOutOfLine(v)) {
        // Walk the blob trees through the reader too (decodeValue read them already; this also checks length).
        OutOfLineValues.forEachBlob(v, 0, v.length, h -> BlobTree.length(reader, h));
      }
      rows.put(id, row);
    }
    return rows;
  }
}
