package dev.scion.versioning.schema;

/**
 * A CHECK constraint: its name and its condition as MySQL SQL text over the table's columns. A row violates it
 * when the condition is false (NULL passes, as in MySQL).
 */
public record CheckDef(String name, String expressionSql) {
}
