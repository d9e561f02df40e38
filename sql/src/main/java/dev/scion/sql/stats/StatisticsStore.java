package dev.scion.sql.stats;

import dev.scion.storage.Hash;
import dev.scion.storage.chunk.ChunkReader;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.repo.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The statistics of one database, kept in memory and keyed by table content: a table value's address names its
 * schema, rows and indexes, so cached statistics are exact for every branch and commit that holds that value and
 * never go stale. While collection is on (the default, Dolt's running stats worker) reading statistics collects
 * what is missing; dolt_stats_stop and dolt_stats_purge turn it off, after which only what ANALYZE TABLE collects
 * is shown. Nothing is written to disk: after a restart statistics are collected again on first use.
 */
public final class StatisticsStore {
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
    private boolean collecting = true;

    private StatisticsStore() {
    }

    public static StatisticsStore of(Repository repo) {
        synchronized (STORES) {
            return STORES.computeIfAbsent(repo, r -> new StatisticsStore());
        }
    }

    /** Collects (or finds) the statistics of one table value; ANALYZE TABLE's work. */
    public synchronized List<IndexStatistics> analyze(ChunkReader reader, String table, Hash value,
            Repository repo) {
        return byTable.computeIfAbsent(key(table, value),
                k -> StatisticsCollector.collect(reader, table, repo.readTable(reader, value)));
    }

    /** The statistics of one table value if collected already (SHOW INDEX never collects: it must stay cheap). */
    public synchronized Optional<List<IndexStatistics>> cached(String table, Hash value) {
        return Optional.ofNullable(byTable.get(key(table, value)));
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
                    ? Optional.of(analyze(reader, t.getKey(), t.getValue(), repo))
                    : Optional.ofNullable(byTable.get(key(t.getKey(), t.getValue())));
            s.ifPresent(out::addAll);
        }
        return out;
    }

    public synchronized boolean collecting() {
        return collecting;
    }

    /** dolt_stats_restart / dolt_stats_stop. */
    public synchronized void setCollecting(boolean on) {
        collecting = on;
    }

    /** dolt_stats_purge: forgets every table's statistics and stops collection. */
    public synchronized void purge() {
        byTable.clear();
        collecting = false;
    }

    public synchronized int cachedTables() {
        return byTable.size();
    }

    private static String key(String table, Hash value) {
        return table + '\0' + value;
    }
}
