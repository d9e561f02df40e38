package dev.scion.versioning.schema;

/**
 * A CHECK constraint: its name and its condition as MySQL SQL text over the table's columns. A row violates it
 * when the condition is false (NULL passes, as in MySQL). A NOT ENFORCED one is kept (SHOW CREATE TABLE,
 * information_schema, dumps) but no row is checked against it.
 */
public record CheckDef(String name, String expressionSql, boolean enforced) {
    public CheckDef(String name, String expressionSql) {
        this(name, expressionSql, true);
    }

    public CheckDef withEnforced(boolean on) {
        return new CheckDef(name, expressionSql, on);
    }
}
