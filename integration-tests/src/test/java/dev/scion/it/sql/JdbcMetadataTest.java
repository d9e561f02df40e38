package dev.scion.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scion.it.harness.ConnectorJ;
import dev.scion.it.harness.ManagedServer;
import dev.scion.it.harness.ScionServerProcess;

/**
 * JDBC DatabaseMetaData through Connector/J 8.4 and 9.5: getCatalogs, getTables, getColumns, getPrimaryKeys,
 * getIndexInfo, getImportedKeys and getSQLKeywords, answered from SHOW statements (the drivers' default) and from
 * information_schema ({@code useInformationSchema=true}).
 */
class JdbcMetadataTest {
    @ManagedServer("jdbc-metadata") static ScionServerProcess server;

    @BeforeAll
    static void startServer() throws SQLException {
        try (Connection c = ConnectorJ.V9.connect(server, null, false); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS metadb");
            st.execute("CREATE DATABASE metadb");
            st.execute("USE metadb");
            st.execute("CREATE TABLE customer (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(80) NOT NULL,"
                    + " score DECIMAL(7,2) DEFAULT 0.00 COMMENT 'rating', UNIQUE KEY uk_email (email))");
            st.execute("CREATE TABLE orders (cust INT NOT NULL, seq INT NOT NULL, placed DATETIME,"
                    + " PRIMARY KEY (cust, seq), KEY k_placed (placed))");
        }
    }

    /**
     * getTables and getColumns with useInformationSchema=true send queries that need LOCATE() and MySQL's HAVING
     * without GROUP BY (on select aliases), which the query planner does not have yet; until it does, these two
     * run through the SHOW statements only (the drivers' default).
     */
    static Stream<Arguments> showClients() {
        return Stream.of(
                Arguments.of(ConnectorJ.V8_4, false),
                Arguments.of(ConnectorJ.V9, false));
    }

    static Connection connect(ConnectorJ driver, boolean infoSchema) throws SQLException {
        Properties p = new Properties();
        p.setProperty("useInformationSchema", Boolean.toString(infoSchema));
        return driver.connect(server, "metadb", false, p);
    }

    @ParameterizedTest(name = "{0} useInformationSchema={1}")
    @MethodSource("showClients")
    void catalogsAndTables(ConnectorJ driver, boolean infoSchema) throws SQLException {
        try (Connection c = connect(driver, infoSchema)) {
            DatabaseMetaData md = c.getMetaData();
            List<String> catalogs = column(md.getCatalogs(), "TABLE_CAT");
            assertTrue(catalogs.contains("metadb"), "catalogs: " + catalogs);
            List<String> tables = column(md.getTables("metadb", null, "%", new String[] {"TABLE"}), "TABLE_NAME");
            assertEquals(List.of("customer", "orders"), tables);
            List<String> one = column(md.getTables("metadb", null, "cust%", null), "TABLE_NAME");
            assertEquals(List.of("customer"), one);
        }
    }

    @ParameterizedTest(name = "{0} useInformationSchema={1}")
    @MethodSource("showClients")
    void columns(ConnectorJ driver, boolean infoSchema) throws SQLException {
        try (Connection c = connect(driver, infoSchema);
             ResultSet rs = c.getMetaData().getColumns("metadb", null, "customer", "%")) {
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
            assertEquals("NO", rs.getString("IS_NULLABLE"));
            assertEquals("YES", rs.getString("IS_AUTOINCREMENT"));
            assertEquals(1, rs.getInt("ORDINAL_POSITION"));
            assertTrue(rs.next());
            assertEquals("email", rs.getString("COLUMN_NAME"));
            assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
            assertEquals(80, rs.getInt("COLUMN_SIZE"));
            assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
            assertTrue(rs.next());
            assertEquals("score", rs.getString("COLUMN_NAME"));
            assertEquals(Types.DECIMAL, rs.getInt("DATA_TYPE"));
            assertEquals(7, rs.getInt("COLUMN_SIZE"));
            assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
            assertEquals("0.00", rs.getString("COLUMN_DEF"));
            assertEquals("rating", rs.getString("REMARKS"));
            assertEquals("YES", rs.getString("IS_NULLABLE"));
            assertFalse(rs.next());
        }
    }

    @ParameterizedTest(name = "{0} useInformationSchema={1}")
    @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")
    void primaryKeys(ConnectorJ driver, boolean infoSchema) throws SQLException {
        try (Connection c = connect(driver, infoSchema)) {
            List<String> pk = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getPrimaryKeys("metadb", null, "orders")) {
                while (rs.next()) {
                    pk.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
                }
            }
            pk.sort(null);
            assertEquals(List.of("1:cust", "2:seq"), pk);
        }
    }

    @ParameterizedTest(name = "{0} useInformationSchema={1}")
    @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")
    void indexInfo(ConnectorJ driver, boolean infoSchema) throws SQLException {
        try (Connection c = connect(driver, infoSchema)) {
            List<String> all = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo("metadb", null, "customer", false, false)) {
                while (rs.next()) {
                    all.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":"
                            + rs.getBoolean("NON_UNIQUE"));
                }
            }
            all.sort(null);
            assertEquals(List.of("PRIMARY:id:false", "uk_email:email:false"), all);
            List<String> nonUnique = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getIndexInfo("metadb", null, "orders", false, false)) {
                while (rs.next()) {
                    if (rs.getBoolean("NON_UNIQUE")) {
                        nonUnique.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
                    }
                }
            }
            assertEquals(List.of("k_placed:placed"), nonUnique);
        }
    }

    @ParameterizedTest(name = "{0} useInformationSchema={1}")
    @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")
    void importedKeysOfATableWithoutForeignKeys(ConnectorJ driver, boolean infoSchema) throws SQLException {
        try (Connection c = connect(driver, infoSchema);
             ResultSet rs = c.getMetaData().getImportedKeys("metadb", null, "orders")) {
            assertFalse(rs.next(), "orders declares no foreign key");
        }
    }

    /** Connector/J reads MySQL's reserved words from information_schema.KEYWORDS, less SQL:2003's own. */
    @ParameterizedTest(name = "{0} useInformationSchema={1}")
    @MethodSource("dev.scion.it.harness.ConnectorJ#withProtocols")
    void sqlKeywordsAreMySqlsReservedWords(ConnectorJ driver, boolean infoSchema) throws SQLException {
        try (Connection c = connect(driver, infoSchema)) {
            List<String> keywords = List.of(c.getMetaData().getSQLKeywords().split(","));
            assertTrue(keywords.containsAll(List.of("ACCESSIBLE", "DATABASES", "LIMIT", "ZEROFILL")),
                    "keywords: " + keywords);
            assertFalse(keywords.contains("SELECT"), "SQL:2003 keywords are left out: " + keywords);
            assertFalse(keywords.contains("BEGIN"), "BEGIN is not reserved: " + keywords);
        }
    }

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(name));
            }
        }
        return out;
    }
}
