package dev.scion.sql.stats;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.repo.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The statistics of one database, keyed by table content: a table value's address names its schema, rows and
 * indexes, so statistics are exact for every branch and commit that holds that value and never go stale. While
 * collection is on (the default, Dolt's running stats worker) reading statistics collects what is missing;
 * dolt_stats_stop and dolt_stats_purge turn it off, after which only what ANALYZE TABLE collects is shown.
 * Every newly collected table is written to {@link StatisticsFile} and read back when the database is opened
 * again, so ANALYZE TABLE's results survive a restart (Dolt keeps them in .dolt/stats, outside version control).
 */
public final class StatisticsStore {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsStore.class);
    /** Tables whose statistics are kept; the least recently used go first. */
    private static final int CAPACITY = 512;
    /** One store per open repository; a dropped database's store goes with its repository. */
    private static final Map<Repository, StatisticsStore> STORES = new WeakHashMap<>();

    private final Map<String, List<IndexStatistics>> byTable = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<IndexStatistics>> eldest) {
            return size() > CAPACITY;
        }
    };
    private final StatisticsFile file;
    private boolean collecting = true;
    /** Entries collected (or purged) since the file was last written. */
    private boolean dirty;

    private StatisticsStore(StatisticsFile file) {
        this.file = file;
        try {
            byTable.putAll(file.read());
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable statistics {}: {}", file.path(), e.toString());
        }
    }

    public static StatisticsStore of(Repository repo) {
        synchronized (STORES) {
            return STORES.computeIfAbsent(repo, r -> new StatisticsStore(new StatisticsFile(
                    r.directory().resolve(Repository.META_DIR).resolve(StatisticsFile.NAME))));
        }
    }

    /** Collects (or finds) the statistics of one table value; ANALYZE TABLE's work. */
    public synchronized List<IndexStatistics> analyze(ChunkReader reader, String table, Hash value,
            Repository repo) {
        List<IndexStatistics> out = collect(reader, table, value, repo);
        save();
        return out;
    }

    private List<IndexStatistics> collect(ChunkReader reader, String table, Hash value, Repository repo) {
        String key = key(table, value.toString());
        List<IndexStatistics> found = byTable.get(key);
        if (found != null) {
            return found;
        }
        List<IndexStatistics> made = StatisticsCollector.collect(reader, table, repo.readTable(reader, value));
        byTable.put(key, made);
        dirty = true;
        return made;
    }

    /** dolt_stats_flush: writes out whatever was collected since the last write. */
    public synchronized void flush() {
        save();
    }

    /** Writes the statistics out if anything was collected since the last write; a failure only loses them. */
    private void save() {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            file.write(byTable);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write statistics {}: {}", file.path(), e.toString());
        }
    }

    /** The statistics of one table value if collected already (SHOW INDEX never collects: it must stay cheap). */
    public synchronized Optional<List<IndexStatistics>> cached(String table, Hash value) {
        return Optional.ofNullable(byTable.get(key(table, value.toString())));
    }

    /** The statistics of each table of a root: collected when collection is on, else what is cached. */
    public synchronized List<IndexStatistics> of(ChunkReader reader, RootValue root, Repository repo,
            java.util.function.Predicate<String> include) {
        List<IndexStatistics> out = new ArrayList<>();
        for (Map.Entry<String, Hash> t : root.tables().entrySet()) {
            if (!include.test(t.getKey())) {
                continue;
            }
            Optional<List<IndexStatistics>> s = collecting
                    ? Optional.of(collect(reader, t.getKey(), t.getValue(), repo))
                    : Optional.ofNullable(byTable.get(key(t.getKey(), t.getValue().toString())));
            s.ifPresent(out::addAll);
        }
        save();
        return out;
    }

    public synchronized boolean collecting() {
        return collecting;
    }

    /** dolt_stats_restart / dolt_stats_stop. */
    public synchronized void setCollecting(boolean on) {
        collecting = on;
    }

    /** dolt_stats_purge: forgets every table's statistics, on disk too, and stops collection. */
    public synchronized void purge() {
        byTable.clear();
        collecting = false;
        dirty = true;
        save();
    }

    public synchronized int cachedTables() {
        return byTable.size();
    }

    /** The key of one table value's statistics: its name (statistics name the table) and its address. */
    static String key(String table, String value) {
        return table + '\0' + value;
    }
}
