package dev.scion.sql.catalog;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;

import java.util.List;
import java.util.Locale;

/**
 * What SHOW COLUMNS, DESCRIBE and information_schema.COLUMNS say about a column, computed in one place so they
 * agree: key flag, default as text, extra, data type, lengths and precisions.
 */
public final class ColumnFacts {
    private ColumnFacts() {
    }

    /**
     * PRI, UNI, MUL or empty, as MySQL's COLUMN_KEY. In a table without a primary key, the columns of the first
     * UNIQUE index over whole NOT NULL columns are PRI: InnoDB makes that index the table's clustered key, and MySQL
     * shows it so.
     */
    public static String key(TableSchema s, Column c) {
        List<String> primary = s.primaryKey().isEmpty() ? implicitPrimaryKey(s) : s.primaryKey();
        if (primary.stream().anyMatch(k -> k.equalsIgnoreCase(c.name()))) {
            return "PRI";
        }
        boolean unique = false;
        boolean first = false;
        for (IndexDef ix : s.indexes()) {
            if (ix.columns().get(0).equalsIgnoreCase(c.name())) {
                first = true;
                unique |= ix.unique() && ix.columns().size() == 1;
            }
        }
        return unique ? "UNI" : first ? "MUL" : "";
    }

    /** The columns of the first unique index over whole NOT NULL columns, or none. */
    private static List<String> implicitPrimaryKey(TableSchema s) {
        for (IndexDef ix : s.indexes()) {
            if (ix.unique() && !ix.fulltext() && ix.prefixLengths().isEmpty() && ix.columns().stream()
                    .allMatch(n -> s.column(n).map(col -> !col.nullable()).orElse(false))) {
                return ix.columns();
            }
        }
        return List.of();
    }

    /** The default as information_schema shows it: unquoted literal text, or null for none / NULL. */
    public static String defaultText(Column c) {
        String def = c.defaultSql();
        if (def == null || def.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (DefaultExpressions.isParenthesized(def)) {
            // an expression default: the text SHOW CREATE TABLE prints inside DEFAULT (...), as MySQL keeps one
            // string for both, so `DEFAULT (pk * 2)` shows (`pk` * 2) and `DEFAULT (now())` now()
            return DefaultExpressions.inner(dev.scion.sql.ddl.CreateTableText.defaultValue(c));
        }
        String literal = dev.scion.sql.ddl.CreateTableText.literalDefault(c);
        if (literal != null) {
            return literal; // as SHOW CREATE TABLE quotes it: FALSE is 0, an int's 4.0 is 4
        }
        if (def.length() >= 2 && def.startsWith("'") && def.endsWith("'")) {
            return def.substring(1, def.length() - 1).replace("''", "'").replace("\\\\", "\\");
        }
        return def;
    }

    public static String extra(Column c) {
        if (c.onUpdateSql() != null) {
            String before = defaultExtra(c);
            return (before.isEmpty() ? "" : before + " ") + "on update " + c.onUpdateSql();
        }
        return defaultExtra(c);
    }

    private static String defaultExtra(Column c) {
        if (c.generated()) {
            return c.stored() ? "STORED GENERATED" : "VIRTUAL GENERATED";
        }
        if (c.autoIncrement()) {
            return "auto_increment";
        }
        String def = c.defaultSql();
        if (def != null && !(def.startsWith("'") || def.equalsIgnoreCase("NULL") || def.matches("-?[0-9.eE+-]+")
                || def.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP")
                || dev.scion.sql.ddl.CreateTableText.literalDefault(c) != null)) {
            return "DEFAULT_GENERATED";
        }
        return "";
    }

    /**
     * GENERATION_EXPRESSION as MySQL prints it: an operator expression in parentheses ({@code (`a` + `b`)}), a
     * function call or a bare column as written; "" for an ordinary column.
     */
    public static String generationExpression(Column c) {
        if (!c.generated()) {
            return "";
        }
        String e = c.generatedSql();
        boolean bare = e.matches("`[^`]+`") || e.matches("(?s)[A-Za-z_][A-Za-z_0-9]*\\(.*\\)")
                && balancedCall(e);
        return bare ? e : "(" + e + ")";
    }

    /** True when the text is one call f(...) whose first '(' closes at the very end. */
    private static boolean balancedCall(String e) {
        int depth = 0;
        boolean quoted = false;
        for (int i = e.indexOf('('); i < e.length(); i++) {
            char ch = e.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0) {
                return i == e.length() - 1;
            }
        }
        return false;
    }

    /** DATA_TYPE: the bare type name. */
    public static String dataType(ColumnType t) {
        return t.kind() == TypeKind.BOOLEAN ? "tinyint" : t.kind().name().toLowerCase(Locale.ROOT);
    }

    public static boolean isText(ColumnType t) {
        return t.kind().isString() || t.kind() == TypeKind.ENUM || t.kind() == TypeKind.SET;
    }

    /** CHARACTER_MAXIMUM_LENGTH, or null for non-string types. */
    public static Long charMaxLength(ColumnType t) {
        // a VECTOR(n) is 4n bytes long, as MySQL 9 reports it
        if (isText(t) || t.kind().isBinary() || t.kind() == TypeKind.VECTOR) {
            if (t.kind() == TypeKind.ENUM || t.kind() == TypeKind.SET) {
                return (long) t.values().stream().mapToInt(String::length).max().orElse(0);
            }
            return t.maxLength();
        }
        return null;
    }

    /** CHARACTER_OCTET_LENGTH: four bytes per utf8mb4 character. */
    public static Long charOctetLength(ColumnType t) {
        Long chars = charMaxLength(t);
        if (chars == null) {
            return null;
        }
        return t.kind().isBinary() || t.kind() == TypeKind.VECTOR ? chars : Math.min(chars * 4, 4294967295L);
    }

    public static Long numericPrecision(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, BOOLEAN -> 3L;
            case SMALLINT -> 5L;
            case MEDIUMINT -> 7L;
            case INT -> t.unsigned() ? 10L : 10L;
            case BIGINT -> t.unsigned() ? 20L : 19L;
            case DECIMAL -> (long) (t.length() < 0 ? 10 : t.length());
            case FLOAT -> 12L;
            case DOUBLE -> 22L;
            case BIT -> (long) (t.length() < 0 ? 1 : t.length());
            default -> null;
        };
    }

    public static Long numericScale(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT, BOOLEAN, SMALLINT, MEDIUMINT, INT, BIGINT -> 0L;
            case DECIMAL -> (long) Math.max(0, t.scale());
            default -> null;
        };
    }

    public static Long datetimePrecision(ColumnType t) {
        return switch (t.kind()) {
            case TIME, DATETIME, TIMESTAMP -> (long) Math.max(0, t.length());
            default -> null;
        };
    }
}
