package dev.scion.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scion.sql.result.ResultColumn;

/**
 * The result columns COM_STMT_PREPARE reports for a table-function call with {@code ?} among its arguments: the
 * function's columns where no parameter decides them, none (as MySQL answers for a statement whose columns are known
 * only at execution) where one does; and for LIMIT and OFFSET parameters, which a NULL cannot stand in for either.
 */
class PreparedTableFunctionColumnsTest {
    @TempDir
    Path dir;
    EngineFixture db;

    @BeforeEach
    void setUp() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        db.exec("CREATE TABLE t (pk INT PRIMARY KEY, c1 VARCHAR(20))");
        db.exec("CALL DOLT_COMMIT('-Am', 'create t')");
        db.exec("INSERT INTO t VALUES (1, 'one')");
        db.exec("CALL DOLT_COMMIT('-am', 'row')");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<String> preparedColumns(String sql) {
        return db.engine().prepare(db.session(), sql).resultColumns(db.session()).stream()
                .map(ResultColumn::name).toList();
    }

    @Test
    void functionsWhoseColumnsNoParameterDecidesReportThemAtPrepare() {
        assertEquals(preparedColumns("SELECT * FROM dolt_diff_stat('HEAD~1', 'HEAD')"),
                preparedColumns("SELECT * FROM dolt_diff_stat(?, ?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_diff_summary('HEAD~1', 'HEAD', 't')"),
                preparedColumns("SELECT * FROM dolt_diff_summary(?, ?, ?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_patch('HEAD~1', 'HEAD')"),
                preparedColumns("SELECT * FROM dolt_patch(?, ?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_schema_diff('HEAD~1', 'HEAD')"),
                preparedColumns("SELECT * FROM dolt_schema_diff(?, ?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_log()"), preparedColumns("SELECT * FROM dolt_log(?, ?)"));
        assertEquals(List.of("to_pk", "to_c1", "to_commit", "to_commit_date", "from_pk", "from_c1", "from_commit",
                "from_commit_date", "diff_type"), preparedColumns("SELECT * FROM dolt_diff(?, ?, 't')"));
        assertEquals(List.of("message", "n"),
                preparedColumns("SELECT message, ? AS n FROM dolt_log(?) WHERE commit_order > ? LIMIT 1"));
    }

    @Test
    void theOtherTableFunctionsReportTheirColumnsAtPrepare() {
        db.exec("CALL DOLT_BRANCH('b')");
        assertEquals(preparedColumns("SELECT * FROM dolt_reflog('main')"),
                preparedColumns("SELECT * FROM dolt_reflog(?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_branch_status('main', 'b')"),
                preparedColumns("SELECT * FROM dolt_branch_status(?, ?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_json_diff('{}', '[]')"),
                preparedColumns("SELECT * FROM dolt_json_diff(?, ?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_preview_merge_conflicts_summary('main', 'b')"),
                preparedColumns("SELECT * FROM dolt_preview_merge_conflicts_summary(?, ?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_test_run('*')"),
                preparedColumns("SELECT * FROM dolt_test_run(?)"));
        assertEquals(preparedColumns("SELECT * FROM dolt_preview_merge_conflicts('main', 'b', 't')"),
                preparedColumns("SELECT * FROM dolt_preview_merge_conflicts(?, ?, 't')"));
        for (String call : List.of("dolt_reflog('main')", "dolt_branch_status('main', 'b')",
                "dolt_json_diff('{}', '[]')", "dolt_preview_merge_conflicts_summary('main', 'b')",
                "dolt_test_run('*')", "dolt_preview_merge_conflicts('main', 'b', 't')")) {
            assertEquals(false, preparedColumns("SELECT * FROM " + call).isEmpty(), call);
        }
    }

    /** The columns one execution of {@code sql} with {@code params} reports. */
    private List<String> executedColumns(String sql, Object... params) {
        List<String> out = new java.util.ArrayList<>();
        db.engine().prepare(db.session(), sql).execute(db.session(), params, r -> {
            if (r instanceof dev.scion.sql.result.StatementResult.Rows rows) {
                rows.columns().forEach(c -> out.add(c.name()));
                while (rows.rows().next() != null) {
                    // drained, so the statement ends
                }
            }
        });
        return out;
    }

    @Test
    void dolt_diffsColumnsAtPrepareAreItsTablesAtHeadAndEachExecutionSendsItsOwn() {
        db.exec("ALTER TABLE t ADD COLUMN c2 INT");
        db.exec("CALL DOLT_COMMIT('-am', 'c2')");
        String sql = "SELECT * FROM dolt_diff(?, ?, 't')";
        assertEquals(List.of("to_pk", "to_c1", "to_c2", "to_commit", "to_commit_date", "from_pk", "from_c1",
                "from_c2", "from_commit", "from_commit_date", "diff_type"), preparedColumns(sql));
        assertEquals(List.of("to_pk", "to_c1", "to_c2", "to_commit", "to_commit_date", "from_pk", "from_c1",
                "from_commit", "from_commit_date", "diff_type"), executedColumns(sql, "HEAD~1", "HEAD"));
        db.exec("CREATE TABLE w (id INT PRIMARY KEY)");
        assertEquals(List.of(), preparedColumns("SELECT * FROM dolt_diff(?, ?, 'w')"), "no w at HEAD");
        assertEquals(List.of("to_id", "to_commit", "to_commit_date", "from_id", "from_commit", "from_commit_date",
                "diff_type"), executedColumns("SELECT * FROM dolt_diff(?, ?, 'w')", "HEAD", "WORKING"));
    }

    /** A NULL is no count: LIMIT and OFFSET parameters are planned as counts, in any query. */
    @Test
    void limitAndOffsetParametersDoNotHideTheColumns() {
        assertEquals(List.of("pk", "c1"), preparedColumns("SELECT * FROM t LIMIT ?"));
        assertEquals(List.of("pk", "c1"), preparedColumns("SELECT * FROM t WHERE pk > ? ORDER BY pk LIMIT ?, ?"));
        assertEquals(List.of("c1"), preparedColumns("SELECT c1 FROM t ORDER BY pk LIMIT ? OFFSET ?"));
        assertEquals(List.of("message"), preparedColumns("SELECT message FROM dolt_log(?) LIMIT ?"));
        assertEquals(List.of("message"),
                preparedColumns("SELECT message FROM dolt_log(?) ORDER BY commit_order LIMIT ?, ?"));
        assertEquals(List.of("n"), preparedColumns("SELECT COUNT(*) AS n FROM (SELECT pk FROM t LIMIT ?) s"));
        assertEquals(List.of(), preparedColumns("SELECT * FROM dolt_diff(?, ?, ?) LIMIT ?"));
    }

    @Test
    void aParameterDecidingTheColumnsLeavesThemToTheExecution() {
        assertEquals(List.of(), preparedColumns("SELECT * FROM dolt_diff(?, ?, ?)"));
        assertEquals(List.of(), preparedColumns("SELECT * FROM dolt_diff('HEAD~1..HEAD', ?)"));
        assertEquals(List.of(), preparedColumns("SELECT * FROM dolt_preview_merge_conflicts('main', 'main', ?)"));
        assertEquals(List.of(), preparedColumns("SELECT * FROM dolt_query_diff(?, 'SELECT * FROM t')"));
    }
}
