package dev.scion.sql.plan.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session's cached query plans, by statement shape: the current database plus the query text with its row-selecting
 * literals replaced by parameters ({@link LiteralParameterizer}). Calcite's validation and SqlToRel cost 1-5 ms a
 * statement; a hit skips both and only rebinds the plan's tables and parameters (see {@code QueryPlanner}).
 *
 * <p>Nothing needs to be invalidated eagerly: every hit re-reads each table the plan scans at the current snapshot and
 * rejects the plan when the table is gone or its schema changed (DDL here or in another session, a branch switch,
 * a checkout). View bodies are part of the key, as views are expanded before planning. The cache is per session, so
 * it never needs locking, and it is bounded (least recently used entries are dropped).
 */
public final class PlanCache {
    static final int CAPACITY = 32; // sysbench uses about 10 shapes a connection; each entry holds a Calcite plan

    private final Map<String, Object> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > CAPACITY;
        }
    };
    static final int TEXT_CAPACITY = 64;
    /** The text level: skeletons of statement texts (with the current database) to their plans' shapes. */
    private final Map<String, TextEntry> texts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TextEntry> eldest) {
            return size() > TEXT_CAPACITY;
        }
    };
    private long textHits;
    private long boundHits;
    /** Marks a shape whose parameterized form cannot be planned as such (a literal whose kind the column's differs). */
    private static final Object LITERALS_ONLY = new Object();
    private long plansBuilt;
    private long hits;

    /** The cached plan for {@code key}, or null. */
    public CachedQuery get(String key) {
        return entries.get(key) instanceof CachedQuery q ? q : null;
    }

    public void put(String key, CachedQuery plan) {
        entries.put(key, plan);
    }

    public void remove(String key) {
        entries.remove(key);
    }

    /** Remembers that {@code key}'s shape must be planned with its literals, so it is not tried with parameters again. */
    public void markLiteralsOnly(String key) {
        entries.put(key, LITERALS_ONLY);
    }

    public boolean isLiteralsOnly(String key) {
        return entries.get(key) == LITERALS_ONLY;
    }

    public void clear() {
        entries.clear();
        texts.clear();
    }

    /** The text-level key of a statement's shape in the current database. */
    public static String textKey(String currentDatabase, TextShape shape) {
        return (currentDatabase == null ? "" : currentDatabase) + '\n' + shape.skeleton();
    }

    /**
     * The cached plan and parameter values for a statement known only by its text shape, or null: no entry, a literal
     * that is part of the plan differs, or the plan itself was dropped.
     */
    public TextHit lookUpText(String textKey, TextShape shape) {
        return lookUpBound(textKey, shape, null);
    }

    /**
     * As {@link #lookUpText}; when {@code template} is a prepared statement's ({@link TextShape#ofTemplate}), for the
     * text it would have with {@code parameters} bound into it, without making that text.
     */
    TextHit lookUpBound(String textKey, TextShape template, Object[] parameters) {
        TextEntry entry = texts.get(textKey);
        if (entry == null) {
            return null;
        }
        Object[] values = entry.values(template, parameters);
        CachedQuery plan = values == null ? null : get(entry.shapeKey());
        return plan == null ? null : new TextHit(plan, values);
    }

    /** Remembers how {@code shape}'s literals fill the plan cached under {@code key}, when they line up. */
    public void rememberText(String textKey, TextShape shape, Key key) {
        TextEntry entry = TextEntry.of(key.text(), shape, key.positions(), key.values());
        if (entry != null) {
            texts.put(textKey, entry);
        }
    }

    public void countTextHit() {
        textHits++;
    }

    /** Counts a prepared statement's execution whose plan was found from its bound values, with no text made. */
    public void countBoundHit() {
        boundHits++;
    }

    /** Prepared executions found by their values ({@link PreparedShape}); for regression checks. */
    public long boundHits() {
        return boundHits;
    }

    /** Statements whose plan was found from their text alone, without parsing; for regression checks. */
    public long textHits() {
        return textHits;
    }

    /** A plan found by text shape and the values of its parameters. */
    public record TextHit(CachedQuery plan, Object[] values) {
    }

    public int size() {
        return entries.size();
    }

    /** Counts a plan built by Calcite (cache miss or uncacheable statement). */
    public void countBuilt() {
        plansBuilt++;
    }

    public void countHit() {
        hits++;
    }

    /** How many times this session ran Calcite's validator and SqlToRel on a query; for regression checks. */
    public long plansBuilt() {
        return plansBuilt;
    }

    public long hits() {
        return hits;
    }

    /** Expressions compiled so far for the cached plans' shared parts; for regression checks. */
    public long expressionsCompiled() {
        return entries.values().stream().mapToLong(e -> e instanceof CachedQuery q ? q.parts().expressionsCompiled() : 0)
                .sum();
    }

    /** Index range templates made so far for the cached plans' shared parts; for regression checks. */
    public long rangeTemplatesMade() {
        return entries.values().stream().mapToLong(e -> e instanceof CachedQuery q ? q.parts().rangeTemplatesMade() : 0)
                .sum();
    }

    /** Parameterizes a query for lookup; null when the query cannot be cached. */
    public static Key keyOf(String currentDatabase, org.apache.calcite.sql.SqlNode query) {
        LiteralParameterizer.Parameterized p = LiteralParameterizer.parameterize(query);
        if (p == null) {
            return null;
        }
        return new Key((currentDatabase == null ? "" : currentDatabase) + '\n' + p.key(), p.node(), p.values(),
                p.positions());
    }

    /** A query's cache key, its parameterized copy (to plan on a miss) and the values of its parameters. */
    public record Key(String text, org.apache.calcite.sql.SqlNode parameterized, Object[] values,
                      org.apache.calcite.sql.parser.SqlParserPos[] positions) {
    }
}
