package dev.scion.storage.bench;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.chunk.RocksChunkStore;
import dev.scion.storage.chunk.StoreOptions;
import dev.scion.storage.prolly.DiffEntry;
import dev.scion.storage.prolly.MapEdits;
import dev.scion.storage.prolly.MergeResult;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.prolly.Resolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of prolly trees on RocksDB over 1,000,000 sysbench-shaped rows (targets in
 * shared/spec/benchmarks.md section 2). Run with {@code bin/bench-storage}; the annotations give the full
 * mode, the script's quick mode overrides iterations on the command line.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ProllyBenchmarks {
  static final int ROWS = 1_000_000;

  private Path dir;
  private RocksChunkStore store;
  private SysbenchRows rows;
  private ProllyMap map;
  /** map with 10 rows changed, for the diff benchmark. */
  private ProllyMap tenChanged;
  /** map with 1,000 edits on each side (disjoint keys), for the merge benchmark. */
  private ProllyMap ours;
  private ProllyMap theirs;
  private ChunkBuffer oursChunks;
  private int[] probes;
  private int probe;
  private Random random;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("scion-jmh");
    // Cache big enough for the whole tree (about 211 MB of nodes): the targets are for a warm store.
    store = RocksChunkStore.open(dir, new StoreOptions(512L << 20, 256L << 20, true));
    rows = new SysbenchRows(ROWS, 42);
    ChunkBuffer buf = new ChunkBuffer(store);
    ProllyMap built = ProllyMap.build(buf, rows.entries());
    SysbenchRows.commitInSlices(store, buf, SysbenchRows.ROOT_REF, built.root());
    map = ProllyMap.load(store, built.root());
    random = new Random(7);
    probes = new int[1 << 20];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = random.nextInt(ROWS);
    }
    MapEdits ten = new MapEdits();
    for (int i = 0; i < 10; i++) {
      ten.put(rows.keys[random.nextInt(ROWS)], SysbenchRows.row(random, ROWS));
    }
    tenChanged = map.edit(ten, new ChunkBuffer(store));
    MapEdits mine = new MapEdits();
    MapEdits other = new MapEdits();
    for (int i = 0; i < 1000; i++) {
      int a = random.nextInt(ROWS / 2) * 2; // even rows on our side, odd on theirs: no collisions
      mine.put(rows.keys[a], SysbenchRows.row(random, ROWS));
      other.put(rows.keys[a + 1], SysbenchRows.row(random, ROWS));
    }
    oursChunks = new ChunkBuffer(store);
    ours = map.edit(mine, oursChunks);
    theirs = map.edit(other, new ChunkBuffer(store));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    store.close();
    SysbenchRows.deleteTree(dir);
  }

  /** Building the whole table into a transaction buffer: node encoding, chunking and hashing. Rows/s. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(ROWS)
  public Hash build() {
    return ProllyMap.build(new ChunkBuffer(store), rows.entries()).root();
  }

  /** ProllyMap.get of a uniformly random existing key, tree fully cached. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public byte[] pointGet() {
    return map.get(rows.keys[probes[probe++ & (probes.length - 1)]]);
  }

  /** A full forward scan copying each key and value. Rows/s. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(ROWS)
  public void scan(Blackhole bh) {
    try (ProllyCursor c = map.cursor()) {
      while (c.next()) {
        bh.consume(c.key());
        bh.consume(c.value());
      }
    }
  }

  /** One-row update into a fresh transaction buffer (the new path of nodes is hashed and buffered). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Hash updateOneRow() {
    byte[] key = rows.keys[probes[probe++ & (probes.length - 1)]];
    return map.edit(new MapEdits().put(key, SysbenchRows.row(random, ROWS)), new ChunkBuffer(store)).root();
  }

  /** Streaming the diff between the table and a copy with 10 changed rows. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int diffTenRows() {
    Iterator<DiffEntry> it = ProllyMap.diff(map, tenChanged);
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    if (n != 10) {
      throw new IllegalStateException("diff saw " + n + " changes");
    }
    return n;
  }

  /** Three-way merge of 1,000 edits on each side (no collisions). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public MergeResult merge1000EditsPerSide() {
    MergeResult m = ProllyMap.merge(map, ours, theirs, new ChunkBuffer(oursChunks),
        (key, base, o, t) -> Resolution.conflict());
    if (!m.conflicts().isEmpty()) {
      throw new IllegalStateException("unexpected conflicts");
    }
    return m;
  }
}
