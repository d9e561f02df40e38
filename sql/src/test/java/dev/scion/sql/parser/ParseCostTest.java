package dev.scion.sql.parser;

import org.apache.calcite.sql.parser.SqlParseException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Warm parse cost of sysbench's statements: {@link #main} prints microseconds per statement. The
 * test only checks that they parse; tests make no timing assertions.
 */
class ParseCostTest {
  static final List<String> SYSBENCH = List.of(
      "SELECT c FROM sbtest1 WHERE id=?",
      "SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ?",
      "SELECT SUM(k) FROM sbtest1 WHERE id BETWEEN ? AND ?",
      "SELECT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c",
      "SELECT DISTINCT c FROM sbtest1 WHERE id BETWEEN ? AND ? ORDER BY c",
      "UPDATE sbtest1 SET k=k+1 WHERE id=?",
      "UPDATE sbtest1 SET c=? WHERE id=?",
      "DELETE FROM sbtest1 WHERE id=?",
      "INSERT INTO sbtest1 (id, k, c, pad) VALUES (?, ?, ?, ?)",
      "INSERT INTO sbtest1 (id, k, c, pad) VALUES (0, 5012, '83868641912-28773972837-60736120486"
          + "-75162659906-27563526494-20381887404-41576422241-93426793964-56405065102-33518432330',"
          + " '67847967377-48000963322-62604785301-91415491898-96926520291')",
      "SELECT count(k) FROM sbtest1 WHERE k BETWEEN ? AND ? OR k BETWEEN ? AND ?");

  /** Average microseconds per parse over {@code rounds} passes of each statement. */
  static double[] measure(int warmup, int rounds) throws SqlParseException {
    for (int i = 0; i < warmup; i++) {
      for (String sql : SYSBENCH) {
        MySqlParser.parseStatement(sql);
      }
    }
    final double[] us = new double[SYSBENCH.size()];
    for (int s = 0; s < SYSBENCH.size(); s++) {
      final String sql = SYSBENCH.get(s);
      final long t0 = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        MySqlParser.parseStatement(sql);
      }
      us[s] = (System.nanoTime() - t0) / 1000.0 / rounds;
    }
    return us;
  }

  /** Every statement the benchmark times parses (timing itself is {@link #main}'s job, not a test's). */
  @Test void sysbenchStatementsParse() throws SqlParseException {
    for (String sql : SYSBENCH) {
      assertTrue(MySqlParser.parseStatement(sql) != null, sql);
    }
  }

  public static void main(String[] args) throws SqlParseException {
    final double[] us = measure(50_000, 50_000);
    for (int s = 0; s < us.length; s++) {
      System.out.printf(Locale.ROOT, "%8.2f us  %s%n", us[s],
          SYSBENCH.get(s).substring(0, Math.min(70, SYSBENCH.get(s).length())));
    }
  }
}
