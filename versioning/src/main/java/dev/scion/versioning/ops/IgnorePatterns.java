package dev.scion.versioning.ops;

import dev.scion.storage.chunk.ChunkReader;
import dev.scion.storage.prolly.ProllyCursor;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.model.RootValue;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.repo.Repository;
import dev.scion.versioning.table.RowCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The table name patterns of a root's dolt_ignore table ({@code *} any run of characters, {@code ?} one). An
 * ignored table that is not yet staged is left out of "add everything" and out of the untracked tables of
 * status; a table already tracked is never ignored. A pattern with ignored = 0 un-ignores what it matches, and
 * wins over the patterns that ignore it.
 */
public final class IgnorePatterns {
    private record Rule(Pattern pattern, boolean ignored) {
    }

    private static final IgnorePatterns NONE = new IgnorePatterns(List.of());

    private final List<Rule> rules;

    private IgnorePatterns(List<Rule> rules) {
        this.rules = rules;
    }

    public static IgnorePatterns of(Repository repo, ChunkReader reader, RootValue root) {
        Optional<dev.scion.storage.Hash> h = root.table(DoltTables.IGNORE);
        if (h.isEmpty()) {
            return NONE;
        }
        TableValue t = repo.readTable(reader, h.get());
        int patternAt = t.schema().columnIndex("pattern");
        int ignoredAt = t.schema().columnIndex("ignored");
        if (patternAt < 0 || ignoredAt < 0) {
            return NONE;
        }
        RowCodec codec = new RowCodec(t.schema());
        List<Rule> rules = new ArrayList<>();
        try (ProllyCursor c = ProllyMap.load(reader, t.rows()).cursor()) {
            while (c.next()) {
                Object[] row = codec.decode(c.key(), c.value());
                if (row[patternAt] != null) {
                    rules.add(new Rule(glob(row[patternAt].toString()),
                            row[ignoredAt] instanceof Number n ? n.longValue() != 0 : row[ignoredAt] != null));
                }
            }
        }
        return new IgnorePatterns(rules);
    }

    /** A table name pattern: {@code *} any run of characters, {@code ?} one, matched ignoring case. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    public boolean isIgnored(String table) {
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.pattern().matcher(table).matches()) {
                if (!r.ignored()) {
                    return false;
                }
                ignored = true;
            }
        }
        return ignored;
    }

    /**
     * What "stage everything" stages: the working root, except ignored tables that the staged root does not
     * track yet (they keep their staged state, i.e. stay absent).
     */
    public RootValue stageAll(RootValue working, RootValue staged) {
        RootValue out = working;
        for (String name : working.tables().keySet()) {
            if (staged.table(name).isEmpty() && isIgnored(name)) {
                out = out.withoutTable(name);
            }
        }
        return out;
    }

    /** Convenience for the callers that only hold roots: the patterns of {@code working}, applied. */
    public static RootValue stageAll(Repository repo, ChunkReader reader, RootValue working, RootValue staged) {
        return of(repo, reader, working).stageAll(working, staged);
    }
}
