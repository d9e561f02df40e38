package dev.scion.sql.dolt;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.catalog.DatabaseState;
import dev.scion.storage.chunk.ChunkBuffer;
import dev.scion.storage.prolly.ProllyMap;
import dev.scion.versioning.repo.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7's speed targets as counts, never times: a diff between two commits reads in proportion to the change,
 * not the table; reading the first rows of a long history touches a bounded number of commits; a LIMIT over the
 * history tables stops their walk. Each figure is printed as a {@code FIGURE} line.
 *
 * <p>Database {@code diffs} holds a small and a large table, both loaded in commit c1 and with {@link #CHANGES}
 * rows updated in c2. Database {@code hist} holds a table changed by each of {@link #COMMITS} commits.
 */
class HistoryReadCountsTest {
    static final int SMALL = 1_000;
    static final int LARGE = 50_000;
    static final int CHANGES = 10;
    static final int COMMITS = 300;

    private static Path dir;
    private static EngineFixture db;
    private static String c1;
    private static String c2;

    @BeforeAll
    static void build() throws IOException {
        dir = Files.createTempDirectory("scion-history-counts");
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE diffs");
        db.exec("USE diffs");
        load("small", SMALL);
        load("big", LARGE);
        db.exec("CALL dolt_commit('-Am', 'c1')");
        c1 = head();
        for (String t : new String[] {"small", "big"}) {
            int rows = t.equals("small") ? SMALL : LARGE;
            for (int i = 0; i < CHANGES; i++) {
                // spread over the whole key range, so each change sits in a leaf of its own
                db.exec("UPDATE " + t + " SET v = v + 1 WHERE id = " + (1 + i * (rows / CHANGES)));
            }
        }
        db.exec("CALL dolt_commit('-am', 'c2')");
        c2 = head();

        db.exec("CREATE DATABASE hist");
        db.exec("USE hist");
        db.exec("CREATE TABLE h (id INT PRIMARY KEY, v INT)");
        for (int i = 1; i <= COMMITS; i++) {
            db.exec("INSERT INTO h VALUES (" + i + ", " + i + ")");
            db.exec("CALL dolt_commit('-Am', 'row " + i + "')");
        }
    }

    private static void load(String table, int rows) {
        db.exec("CREATE TABLE " + table + " (id INT PRIMARY KEY, v INT NOT NULL, c VARCHAR(40) NOT NULL)");
        for (int base = 0; base < rows; base += 5_000) {
            StringBuilder sb = new StringBuilder("INSERT INTO " + table + " VALUES ");
            for (int i = base + 1; i <= Math.min(rows, base + 5_000); i++) {
                sb.append(i == base + 1 ? "" : ",").append('(').append(i).append(',').append(i * 7)
                        .append(",'row-").append(i).append("-padding-padding')");
            }
            db.exec(sb.toString());
        }
    }

    private static String head() {
        return (String) db.rows("SELECT commit_hash FROM dolt_log LIMIT 1").get(0)[0];
    }

    @AfterAll
    static void close() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " = " + value);
    }

    private static DatabaseState state(String database) {
        return db.session().findDatabase(database).orElseThrow();
    }

    private static ProllyMap rows(DatabaseState state, String table) {
        return ProllyMap.load(state.buffer(),
                state.repo().readTable(state.buffer(), state.workingRoot().tableHash(table)).rows());
    }

    /** Prolly nodes the query reads, run a second time so that decoded roots and tables are cached both times. */
    private static long nodesRead(DatabaseState state, String sql, int expectedRows) {
        assertEquals(expectedRows, db.rows(sql).size(), sql);
        ChunkBuffer buffer = state.buffer();
        long before = buffer.reads();
        assertEquals(expectedRows, db.rows(sql).size(), sql);
        return buffer.reads() - before;
    }

    /** Commits the query asks the repository for (cached or not); a negative expectedRows checks none. */
    private static long commitsRead(Repository repo, String sql, int expectedRows) {
        long before = repo.commitsRead();
        int got = db.rows(sql).size();
        if (expectedRows >= 0) {
            assertEquals(expectedRows, got, sql);
        }
        return repo.commitsRead() - before;
    }

    @Test
    void aDiffBetweenTwoCommitsReadsInProportionToTheChangeNotTheTable() {
        db.exec("USE diffs");
        db.exec("BEGIN");
        try {
            DatabaseState state = state("diffs");
            int smallDepth = rows(state, "small").depth();
            int largeDepth = rows(state, "big").depth();
            int largeLeaves = rows(state, "big").leafCounts().length;
            figure("depth of the " + SMALL + "-row / " + LARGE + "-row table", smallDepth + " / " + largeDepth);
            figure("leaves of the " + LARGE + "-row table", largeLeaves);
            String[] forms = {
                "SELECT * FROM dolt_diff_%s WHERE to_commit = '" + c2 + "' AND from_commit = '" + c1 + "'",
                "SELECT * FROM dolt_commit_diff_%s WHERE to_commit = '" + c2 + "' AND from_commit = '" + c1 + "'",
                "SELECT * FROM dolt_diff('" + c1 + "', '" + c2 + "', '%s')",
            };
            // each change reads one path of the old and one of the new tree, and a boundary that moved reads a
            // neighbour: a small multiple of depth x changes, far below the large table's leaf count
            long bound = 4L * largeDepth * CHANGES + 8;
            assertTrue(largeLeaves > 2 * bound, "the large table (" + largeLeaves + " leaves) is too small for "
                    + "the bound " + bound + " to tell a diff from a scan");
            for (String form : forms) {
                long small = nodesRead(state, String.format(form, "small"), CHANGES);
                long large = nodesRead(state, String.format(form, "big"), CHANGES);
                figure("nodes read by " + String.format(form, "<t>").replace(c1, "<c1>").replace(c2, "<c2>") + ", " + SMALL + " / " + LARGE + " rows, "
                        + CHANGES + " changed", small + " / " + large);
                assertTrue(large <= bound, large + " nodes read, bound " + bound + ": " + form);
                // independent of the table's size: the larger table costs at most the extra levels per change
                long extraLevels = Math.max(0, largeDepth - smallDepth);
                assertTrue(large <= small + 2L * CHANGES * (extraLevels + 1), "large " + large + ", small "
                        + small + ": " + form);
            }
        } finally {
            db.exec("COMMIT");
        }
    }

    @Test
    void theFirstRowsOfALongHistoryTouchABoundedNumberOfCommits() {
        db.exec("USE hist");
        Repository repo = state("hist").repo();
        long all = commitsRead(repo, "SELECT commit_hash FROM dolt_log", -1);
        long one = commitsRead(repo, "SELECT commit_hash FROM dolt_log LIMIT 1", 1);
        long ten = commitsRead(repo, "SELECT commit_hash FROM dolt_log LIMIT 10", 10);
        long function = commitsRead(repo, "SELECT commit_hash FROM dolt_log() LIMIT 10", 10);
        long history = commitsRead(repo, "SELECT id FROM dolt_history_h LIMIT 1", 1);
        long diff = commitsRead(repo, "SELECT table_name FROM dolt_diff LIMIT 1", 1);
        long diffForTable = commitsRead(repo, "SELECT to_id FROM dolt_diff_h LIMIT 1", 1);
        figure("commits read by dolt_log over " + COMMITS + "+ commits: all / LIMIT 1 / LIMIT 10",
                all + " / " + one + " / " + ten);
        figure("commits read by LIMIT 10 of dolt_log() / LIMIT 1 of dolt_history_<t>, dolt_diff, dolt_diff_<t>",
                function + " / " + history + " / " + diff + " / " + diffForTable);
        assertTrue(all >= COMMITS, "the full log read only " + all + " commits");
        // a commit per row and its parent, which the walk queues when it hands the row out
        assertTrue(one <= 3, one + " commits read for dolt_log LIMIT 1");
        assertTrue(ten <= 12, ten + " commits read for dolt_log LIMIT 10");
        assertTrue(function <= 12, function + " commits read for dolt_log() LIMIT 10");
        assertTrue(history <= 3, history + " commits read for dolt_history_h LIMIT 1");
        assertTrue(diff <= 5, diff + " commits read for dolt_diff LIMIT 1");
        assertTrue(diffForTable <= 5, diffForTable + " commits read for dolt_diff_h LIMIT 1");
    }

    @Test
    void aLimitOverTheHistoryOfALargeTableReadsOnePath() {
        db.exec("USE diffs");
        db.exec("BEGIN");
        try {
            DatabaseState state = state("diffs");
            int depth = rows(state, "big").depth();
            long history = nodesRead(state, "SELECT id FROM dolt_history_big LIMIT 1", 1);
            long diff = nodesRead(state, "SELECT to_id FROM dolt_diff_big LIMIT 1", 1);
            figure("nodes read by LIMIT 1 of dolt_history_big / dolt_diff_big (depth " + depth + ")",
                    history + " / " + diff);
            assertTrue(history <= depth + 2, history + " nodes read, depth " + depth);
            assertTrue(diff <= 4L * depth + 8, diff + " nodes read, depth " + depth);
        } finally {
            db.exec("COMMIT");
        }
    }
}
