package dev.scion.sql.admin;

import java.util.regex.Matcher;

/**
 * A {@code [db.]name} an admin statement's pattern matched as two groups, the second present only when qualified:
 * routines, triggers and other schema objects are named this way.
 */
public record QualifiedName(String database, String name) {

    /** The name in groups {@code first} and {@code first + 1} of {@code m}, unquoted; database null if unqualified. */
    public static QualifiedName of(Matcher m, int first) {
        String a = m.group(first);
        String b = m.group(first + 1);
        return b == null ? new QualifiedName(null, Identifiers.unquote(a))
                : new QualifiedName(Identifiers.unquote(a), Identifiers.unquote(b));
    }
}
