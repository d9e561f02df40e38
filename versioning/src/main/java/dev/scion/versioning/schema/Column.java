package dev.scion.versioning.schema;

/**
 * One column of a table.
 *
 * @param defaultSql    the DEFAULT expression as SQL text, or null when the column has none
 * @param tag           a stable identity that survives renames, so merges can tell a rename from a drop and add
 * @param generatedSql  the expression of a generated column ({@code AS (expr)}) as MySQL SQL text, or null
 * @param stored        for a generated column: declared STORED (else VIRTUAL). Both kinds keep their computed value
 *                      in the row; the flag only decides how the column is described.
 * @param onUpdateSql   {@code ON UPDATE CURRENT_TIMESTAMP[(n)]} of a TIMESTAMP / DATETIME column as SQL text (the
 *                      value an UPDATE that changes the row gives the column when it does not assign it), or null
 */
public record Column(
        String name,
        ColumnType type,
        boolean nullable,
        String defaultSql,
        boolean autoIncrement,
        String comment,
        long tag,
        String generatedSql,
        boolean stored,
        String onUpdateSql) {

    public Column(String name, ColumnType type, boolean nullable, String defaultSql, boolean autoIncrement,
                  String comment, long tag) {
        this(name, type, nullable, defaultSql, autoIncrement, comment, tag, null, false, null);
    }

    public Column(String name, ColumnType type, boolean nullable, String defaultSql, boolean autoIncrement,
                  String comment, long tag, String generatedSql, boolean stored) {
        this(name, type, nullable, defaultSql, autoIncrement, comment, tag, generatedSql, stored, null);
    }

    public boolean generated() {
        return generatedSql != null;
    }

    /**
     * How the name of a functional key part's column starts ({@code !hidden!<index>!<part>!<n>}, MySQL's form).
     * The name alone marks the column hidden, so schemas need no new field and older ones read unchanged.
     */
    public static final String HIDDEN_PREFIX = "!hidden!";

    /**
     * A virtual column MySQL creates for a functional key part ({@code INDEX ((lower(name)))}): kept in the row
     * and indexed like any generated column, but not part of the table as users see it (SELECT *, DESCRIBE).
     */
    public boolean hidden() {
        return name.startsWith(HIDDEN_PREFIX);
    }

    public Column withName(String newName) {
        return new Column(newName, type, nullable, defaultSql, autoIncrement, comment, tag, generatedSql, stored,
                onUpdateSql);
    }

    public Column withTag(long newTag) {
        return new Column(name, type, nullable, defaultSql, autoIncrement, comment, newTag, generatedSql, stored,
                onUpdateSql);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, nullable, defaultSql, autoIncrement, comment, tag, generatedSql, stored,
                onUpdateSql);
    }

    public Column withGeneration(String expressionSql, boolean isStored) {
        return new Column(name, type, nullable, defaultSql, autoIncrement, comment, tag, expressionSql, isStored,
                onUpdateSql);
    }

    public Column withComment(String newComment) {
        return new Column(name, type, nullable, defaultSql, autoIncrement, newComment, tag, generatedSql, stored,
                onUpdateSql);
    }

    public Column withOnUpdate(String sql) {
        return new Column(name, type, nullable, defaultSql, autoIncrement, comment, tag, generatedSql, stored, sql);
    }
}
