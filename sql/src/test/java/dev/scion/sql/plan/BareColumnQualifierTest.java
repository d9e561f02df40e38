package dev.scion.sql.plan;

import dev.scion.sql.EngineFixture;
import dev.scion.sql.parser.MySqlParser;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@link BareColumnQualifier} writes; sql/src/test/resources/scripts/query/bare_columns_many_tables.test checks
 * that the answers stay MySQL's.
 */
class BareColumnQualifierTest {
    @TempDir
    static Path dir;
    private static EngineFixture db;

    @BeforeAll
    static void tables() {
        db = new EngineFixture(dir);
        db.exec("CREATE DATABASE d");
        db.exec("USE d");
        for (int i = 1; i <= 4; i++) {
            db.exec("CREATE TABLE t" + i + " (a" + i + " INT PRIMARY KEY, x" + i + " INT, shared INT)");
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String rewritten(String sql) throws Exception {
        SqlNode node = MySqlParser.parseStatement(sql);
        return MySqlParser.unparse(BareColumnQualifier.rewrite(db.session(), node)).replaceAll("\\s+", " ").trim();
    }

    @Test
    void namesOneTableHasGetThatTable() throws Exception {
        assertEquals("SELECT `t2`.`x2` AS `x2`, `q`.`X1` + `t3`.`a3`, `shared` FROM `t1` AS `q`, `t2`, `t3`, `d`.`t4` "
                        + "WHERE `q`.`a1` = `t4`.`a4` AND `shared` = 1 AND `nosuch` = 2",
                rewritten("SELECT x2, X1 + a3, shared FROM t1 q, t2, t3, d.t4 WHERE a1 = a4 AND shared = 1 AND nosuch = 2"));
    }

    @Test
    void onConditionsSubQueriesAndSmallJoinsAreLeftToCalcite() throws Exception {
        assertEquals("SELECT `t1`.`x1` AS `x1` FROM `t1` INNER JOIN `t2` ON `a1` = `a2`, `t3`, `t4` "
                        + "WHERE EXISTS (SELECT `x2` FROM `t2`)",
                rewritten("SELECT x1 FROM t1 JOIN t2 ON a1 = a2, t3, t4 WHERE EXISTS (SELECT x2 FROM t2)"));
        assertEquals("SELECT `x1` FROM `t1`, `t2`, `t3` WHERE `a1` = `a2`",
                rewritten("SELECT x1 FROM t1, t2, t3 WHERE a1 = a2"));
        assertEquals("SELECT `x1` FROM `t1` INNER JOIN `t2` USING (`shared`), `t3`, `t4`",
                rewritten("SELECT x1 FROM t1 JOIN t2 USING (shared), t3, t4"));
    }
}
