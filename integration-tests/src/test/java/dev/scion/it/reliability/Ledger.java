package dev.scion.it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.scion.it.harness.Sql;

/**
 * The bank both the crash and the soak suites write to: {@code accounts} rows that only ever change by
 * transfers, and a {@code ledger} row for every transfer (or plain note) written in the same transaction. The
 * client side keeps what the server acknowledged and what was in flight when a fault hit (in doubt: it may or
 * may not have been applied, but never half). {@link #check} proves, from what the server holds: every
 * acknowledged ledger row is there, every ledger row is acknowledged or in doubt, and each balance is exactly
 * what the ledger rows present imply, so no transfer is half applied and no update was lost.
 */
final class Ledger {
    static final int ACCOUNTS = 20;
    static final long OPENING_BALANCE = 1_000;

    /** One ledger row's key. */
    record Entry(int writer, int seq) {
    }

    /** One ledger row: a transfer of {@code amount} from {@code src} to {@code dst}, or a note (src = dst = 0). */
    record Row(int src, int dst, long amount) {
    }

    final Map<Entry, Row> acknowledged = new ConcurrentHashMap<>();
    final Map<Entry, Row> inDoubt = new ConcurrentHashMap<>();

    static void create(Connection c) throws SQLException {
        Sql.exec(c, "CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
        Sql.exec(c, "CREATE TABLE ledger (writer INT, seq INT, src INT NOT NULL, dst INT NOT NULL, "
                + "amount BIGINT NOT NULL, PRIMARY KEY (writer, seq), KEY src_idx (src))");
        StringBuilder sb = new StringBuilder("INSERT INTO accounts VALUES ");
        for (int i = 1; i <= ACCOUNTS; i++) {
            sb.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(OPENING_BALANCE).append(')');
        }
        Sql.exec(c, sb.toString());
    }

    static String transferSql(int src, int dst, long amount) {
        return "UPDATE accounts SET balance = balance + CASE id WHEN " + src + " THEN " + (-amount) + " ELSE "
                + amount + " END WHERE id IN (" + src + ", " + dst + ")";
    }

    static String insertSql(Entry e, Row r) {
        return "INSERT INTO ledger VALUES (" + e.writer() + ", " + e.seq() + ", " + r.src() + ", " + r.dst() + ", "
                + r.amount() + ")";
    }

    /** Checks the database against what the clients saw; returns how many ledger rows are present. */
    int check(Connection c) throws SQLException {
        Map<Entry, Row> present = new HashMap<>();
        for (List<String> r : Sql.rows(c, "SELECT writer, seq, src, dst, amount FROM ledger")) {
            present.put(new Entry(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1))),
                    new Row(Integer.parseInt(r.get(2)), Integer.parseInt(r.get(3)), Long.parseLong(r.get(4))));
        }
        Set<Entry> lost = new HashSet<>(acknowledged.keySet());
        lost.removeAll(present.keySet());
        assertEquals(Set.of(), lost, "acknowledged ledger rows that are gone");
        List<Entry> unexplained = new ArrayList<>();
        for (Map.Entry<Entry, Row> e : present.entrySet()) {
            Row sent = acknowledged.containsKey(e.getKey()) ? acknowledged.get(e.getKey()) : inDoubt.get(e.getKey());
            if (!e.getValue().equals(sent)) {
                unexplained.add(e.getKey());
            }
        }
        assertEquals(List.of(), unexplained, "ledger rows no client wrote (or wrote differently)");

        Map<Integer, Long> expected = new HashMap<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            expected.put(i, OPENING_BALANCE);
        }
        for (Row r : present.values()) {
            if (r.src() != 0) {
                expected.merge(r.src(), -r.amount(), Long::sum);
                expected.merge(r.dst(), r.amount(), Long::sum);
            }
        }
        Map<Integer, Long> actual = new HashMap<>();
        for (List<String> r : Sql.rows(c, "SELECT id, balance FROM accounts")) {
            actual.put(Integer.parseInt(r.get(0)), Long.parseLong(r.get(1)));
        }
        assertEquals(expected, actual, "balances must be exactly what the ledger rows present imply");
        assertEquals(String.valueOf(ACCOUNTS * OPENING_BALANCE), Sql.scalar(c, "SELECT sum(balance) FROM accounts"));
        // the secondary index holds exactly the table's rows
        assertEquals(String.valueOf(present.size()), Sql.scalar(c, "SELECT count(*) FROM ledger WHERE src >= 0"));
        return present.size();
    }
}
