package dev.scion.sql.fulltext;

import dev.scion.storage.chunk.ChunkStore;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.storage.tuple.KeyBytes;
import dev.scion.versioning.table.IndexCodec;

import java.util.HashMap;
import java.util.Map;

/**
 * What relevance needs to know about the whole table, read from one snapshot of it: the number of rows, and for a
 * word the number of rows holding it. The latter is the width of the word's key range in the FULLTEXT index
 * tree, two ordinal look-ups (O(log n)) thanks to the prolly tree's subtree counts.
 */
final class CorpusStatistics {
    private final long rows;
    private final ProllyMap index;
    private final IndexCodec codec;
    private final Map<String, Long> rowsWithWord = new HashMap<>();

    CorpusStatistics(ChunkStore store, dev.scion.versioning.model.TableValue table, IndexCodec codec) {
        this.rows = ProllyMap.load(store, table.rows()).count();
        this.index = ProllyMap.load(store, table.indexes().get(codec.index().name().toLowerCase(java.util.Locale.ROOT)));
        this.codec = codec;
    }

    long rows() {
        return rows;
    }

    /** Rows whose indexed columns contain {@code word} (normalized). */
    long rowsWith(String word) {
        return rowsWithWord.computeIfAbsent(word, w -> {
            byte[] prefix = codec.wordPrefix(w);
            return index.ordinalOf(KeyBytes.prefixEnd(prefix)) - index.ordinalOf(prefix);
        });
    }
}
