package dev.scion.sql.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one database on disk ({@code .scion/stats.json} beside the chunk store), as Dolt keeps its
 * statistics in {@code .dolt/stats}: outside the commit graph, so they are neither versioned nor pushed or cloned,
 * but they survive a restart. Entries are keyed by table name and table value address, which is what makes them
 * per branch without naming branches. Written to a temporary file, synced and renamed, so a crash leaves the old
 * or the new file; an unreadable file is treated as empty (statistics can always be collected again).
 */
final class StatisticsFile {
    static final String NAME = "stats.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    StatisticsFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The stored entries by key ({@link StatisticsStore#key}), in the order they were written. */
    Map<String, List<IndexStatistics>> read() throws IOException {
        Map<String, List<IndexStatistics>> out = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            return out;
        }
        JsonNode root = JSON.readTree(path.toFile());
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IOException(path + " is not a Scion statistics file (format " + FORMAT + ")");
        }
        for (JsonNode t : root.path("tables")) {
            List<IndexStatistics> indexes = new ArrayList<>();
            for (JsonNode ix : t.path("indexes")) {
                indexes.add(readIndex(t.path("table").asText(), ix));
            }
            out.put(StatisticsStore.key(t.path("table").asText(), t.path("value").asText()), indexes);
        }
        return out;
    }

    void write(Map<String, List<IndexStatistics>> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode tables = root.putArray("tables");
        entries.forEach((key, indexes) -> {
            ObjectNode t = tables.addObject();
            int cut = key.indexOf('\0');
            t.put("table", key.substring(0, cut));
            t.put("value", key.substring(cut + 1));
            ArrayNode list = t.putArray("indexes");
            indexes.forEach(s -> writeIndex(list.addObject(), s));
        });
        if (entries.isEmpty()) {
            Files.deleteIfExists(path);
            return;
        }
        Files.createDirectories(path.getParent());
        Path tmp = path.resolveSibling(NAME + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(root));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeIndex(ObjectNode o, IndexStatistics s) {
        o.put("index", s.index());
        s.columns().forEach(o.putArray("columns")::add);
        s.types().forEach(o.putArray("types")::add);
        s.prefixDistinct().forEach(o.putArray("prefixDistinct")::add);
        o.put("createdAt", s.createdAt().toString());
        ArrayNode buckets = o.putArray("buckets");
        for (Bucket b : s.buckets()) {
            ObjectNode j = buckets.addObject();
            j.put("rows", b.rowCount());
            j.put("distinct", b.distinctCount());
            j.put("nulls", b.nullCount());
            j.put("upperBound", b.upperBound());
            j.put("upperBoundCount", b.upperBoundCount());
            b.mostCommon().forEach(j.putArray("mcv")::add);
            b.mostCommonCounts().forEach(j.putArray("mcvCounts")::add);
        }
    }

    private static IndexStatistics readIndex(String table, JsonNode o) {
        List<Bucket> buckets = new ArrayList<>();
        for (JsonNode b : o.path("buckets")) {
            buckets.add(new Bucket(b.path("rows").asLong(), b.path("distinct").asLong(), b.path("nulls").asLong(),
                    b.path("upperBound").isNull() ? null : b.path("upperBound").asText(),
                    b.path("upperBoundCount").asLong(), texts(b.path("mcv")), longs(b.path("mcvCounts"))));
        }
        return new IndexStatistics(table, o.path("index").asText(), texts(o.path("columns")),
                texts(o.path("types")), buckets, longs(o.path("prefixDistinct")),
                LocalDateTime.parse(o.path("createdAt").asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
