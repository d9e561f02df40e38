package dev.scion.cli.command;

/**
 * The SQL behind {@code scion sql --save / --execute / --list-saved}: saved queries are rows of the versioned
 * dolt_query_catalog table (id, display_order, name, query, description), so they are committed, diffed and merged
 * with the data, and a server sees the same catalog as the command line.
 */
final class SavedQueries {
    static final String LIST = "SELECT id, display_order, name, query, description FROM dolt_query_catalog "
            + "ORDER BY display_order, id";

    /** Runs a query and returns the first column of its first row, or null. */
    interface Lookup {
        String first(String sql);
    }

    private SavedQueries() {
    }

    static String find(String name) {
        return "SELECT query FROM dolt_query_catalog WHERE id = " + literal(name);
    }

    /**
     * The REPLACE that saves {@code query} under {@code name}: a query saved again keeps its place in the list, a new
     * one goes last.
     */
    static String save(String name, String query, String description, Lookup lookup) {
        String order = lookup.first("SELECT display_order FROM dolt_query_catalog WHERE id = " + literal(name));
        if (order == null) {
            order = lookup.first("SELECT COALESCE(MAX(display_order), 0) + 1 FROM dolt_query_catalog");
        }
        return "REPLACE INTO dolt_query_catalog (id, display_order, name, query, description) VALUES ("
                + literal(name) + ", " + Long.parseLong(order) + ", " + literal(name) + ", " + literal(query) + ", "
                + literal(description == null ? "" : description) + ")";
    }

    /** A string literal for the default sql_mode (backslashes and quotes escaped). */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
