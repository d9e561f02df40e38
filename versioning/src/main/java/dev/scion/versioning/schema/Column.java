package dev.scion.versioning.schema;

/**
 * One column of a table.
 *
 * @param defaultSql the DEFAULT expression as SQL text, or null when the column has none
 * @param tag        a stable identity that survives renames, so merges can tell a rename from a drop and add
 */
public record Column(
        String name,
        ColumnType type,
        boolean nullable,
        String defaultSql,
        boolean autoIncrement,
        String comment,
        long tag) {

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultSql, autoIncrement, comment, tag);
    }
}
