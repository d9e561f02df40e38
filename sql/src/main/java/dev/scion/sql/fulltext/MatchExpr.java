package dev.scion.sql.fulltext;

import dev.scion.sql.exec.ExecContext;
import dev.scion.sql.expr.Expr;
import dev.scion.sql.expr.Values;
import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.fulltext.FullTextTokenizer;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.table.IndexCodec;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One MATCH ... AGAINST evaluated per row: the search string and mode are constants read on the first row; the
 * table's statistics come from the FULLTEXT index of the table value the query reads; the row's own words come
 * from its indexed columns.
 */
final class MatchExpr implements Expr {
    /** ft_query_expansion_limit: how many of the best rows of the first search feed the second. */
    static final int EXPANSION_ROWS = 20;

    private final Expr mode;
    private final Expr search;
    private final int[] inputColumns;
    private final ChunkStore store;
    private final TableValue table;
    private final IndexCodec index;

    private boolean ready;
    private SearchMode searchMode;
    private Set<String> words;
    private BooleanQuery.Group booleanQuery;
    private CorpusStatistics stats;

    MatchExpr(Expr mode, Expr search, int[] inputColumns, ChunkStore store, TableValue table, IndexCodec index) {
        this.mode = mode;
        this.search = search;
        this.inputColumns = inputColumns;
        this.store = store;
        this.table = table;
        this.index = index;
    }

    @Override
    public Object eval(Object[] row, ExecContext ctx) {
        if (!ready) {
            prepare(row, ctx);
        }
        if (words == null && booleanQuery == null) {
            return 0.0; // AGAINST (NULL)
        }
        Object[] values = new Object[inputColumns.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row[inputColumns[i]];
        }
        return relevance(new Document(values));
    }

    private double relevance(Document doc) {
        if (booleanQuery != null) {
            BooleanQuery.Score s = BooleanQuery.evaluate(booleanQuery, doc, stats);
            return s == null || !s.matched() ? 0.0 : Relevance.finish((float) Math.max(s.value(), 1e-9));
        }
        return Relevance.finish(naturalSum(doc, words));
    }

    private float naturalSum(Document doc, Set<String> searchWords) {
        float sum = 0;
        for (String w : searchWords) {
            int n = doc.count(w);
            if (n > 0) {
                sum += (float) Relevance.word(n, doc.distinctWords(), stats.rows(), stats.rowsWith(w));
            }
        }
        return sum;
    }

    private void prepare(Object[] row, ExecContext ctx) {
        ready = true;
        Object m = mode.eval(row, ctx);
        searchMode = m == null ? SearchMode.NATURAL : SearchMode.of(Values.toStringValue(m));
        Object s = search.eval(row, ctx);
        if (s == null) {
            return;
        }
        String text = s instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                : Values.toStringValue(s);
        stats = new CorpusStatistics(store, table, index);
        if (searchMode == SearchMode.BOOLEAN) {
            booleanQuery = BooleanQuery.parse(text);
            return;
        }
        words = new LinkedHashSet<>(FullTextTokenizer.words(text));
        if (searchMode == SearchMode.EXPANSION) {
            words = expand(words);
        }
    }

    /** Blind query expansion: the words of the best rows of a first search join the search words. */
    private Set<String> expand(Set<String> first) {
        RowCodec codec = new RowCodec(table.schema());
        int[] cols = index.indexColumns();
        PriorityQueue<Object[]> best = new PriorityQueue<>(Comparator.comparingDouble(e -> (Double) e[0]));
        try (ProllyCursor c = ProllyMap.load(store, table.rows()).cursor()) {
            while (c.next()) {
                Object[] r = codec.decode(c.key(), c.value());
                Object[] values = new Object[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    values[i] = r[cols[i]];
                }
                Document doc = new Document(values);
                double score = naturalSum(doc, first);
                if (score > 0) {
                    best.add(new Object[] {score, doc});
                    if (best.size() > EXPANSION_ROWS) {
                        best.poll();
                    }
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Set<String> out = new LinkedHashSet<>(first);
        List<Object[]> rows = new ArrayList<>(best);
        for (Object[] e : rows) {
            out.addAll(((Document) e[1]).counts.keySet());
        }
        return out;
    }
}
