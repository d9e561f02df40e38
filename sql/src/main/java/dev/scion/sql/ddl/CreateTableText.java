package dev.scion.sql.ddl;

import dev.scion.sql.catalog.Collations;
import dev.scion.sql.catalog.SpatialIndexes;
import dev.scion.sql.parser.MySqlParser;
import dev.scion.versioning.schema.CheckDef;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.IndexDef;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParseException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CREATE TABLE text of a table as Dolt's SHOW CREATE TABLE prints it (and dolt_schema_diff, dolt_patch): one
 * column a line with no {@code DEFAULT NULL} unless it was written, literal defaults quoted in the column's type
 * ({@code DEFAULT '42'}), expression defaults in parentheses, the secondary keys by name, foreign keys, then CHECK
 * constraints with binary operators parenthesised ({@code CHECK ((`c1` > 3))}). MySQL differs only in adding
 * {@code DEFAULT NULL} to every nullable column; clients read both.
 */
public final class CreateTableText {
    /** How MySQL 8 prints a NOT ENFORCED check: a versioned comment older servers skip. */
    private static final String NOT_ENFORCED = " /*!80016 NOT ENFORCED */";
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\s*(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOW = Pattern.compile(
            "(?i)(now|current_timestamp|localtime|localtimestamp)(\\s*\\(\\s*(\\d*)\\s*\\))?");

    private CreateTableText() {
    }

    /** The statement, without a trailing semicolon; {@code autoIncrement} above 1 adds the AUTO_INCREMENT option. */
    public static String of(String name, TableSchema s, long autoIncrement) {
        List<String> lines = new ArrayList<>();
        for (Column c : s.columns()) {
            if (!c.hidden()) {
                lines.add("  " + column(c, s.collation()));
            }
        }
        if (!s.primaryKey().isEmpty()) {
            lines.add("  PRIMARY KEY (" + columnList(s.primaryKey()) + ")");
        }
        // Dolt keeps a table's indexes in a map by name, so they print in name order, not creation order
        List<IndexDef> indexes = new ArrayList<>(s.indexes());
        indexes.sort(Comparator.comparing(ix -> ix.name().toLowerCase(Locale.ROOT)));
        for (IndexDef ix : indexes) {
            lines.add("  " + SpatialIndexes.keyword(s, ix) + " " + identifier(ix.name()) + " (" + keyParts(s, ix) + ")");
        }
        for (var fk : s.foreignKeys()) {
            lines.add("  " + dev.scion.sql.dml.ForeignKeys.definition(fk));
        }
        for (CheckDef check : s.checks()) {
            lines.add("  CONSTRAINT " + identifier(check.name()) + " CHECK (" + expression(check.expressionSql())
                    + ")" + (check.enforced() ? "" : NOT_ENFORCED));
        }
        return "CREATE TABLE " + identifier(name) + " (\n" + String.join(",\n", lines) + "\n) ENGINE=InnoDB"
                + (dev.scion.versioning.model.AutoIncrementValue.above(autoIncrement, 1)
                        ? " AUTO_INCREMENT=" + Long.toUnsignedString(autoIncrement) : "") + " DEFAULT CHARSET="
                + Collations.charsetOf(s.collation()) + " COLLATE=" + Collations.effective(s.collation())
                + (s.comment() == null ? "" : " COMMENT=" + quote(s.comment()));
    }

    /**
     * An index's key parts, each with its prefix length when it has one: {@code `a`,`b`(10)}; a functional key
     * part shows its expression in parentheses, {@code ((lower(`name`)))}.
     */
    private static String keyParts(TableSchema s, IndexDef ix) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ix.columns().size(); i++) {
            Column hidden = s.column(ix.columns().get(i)).filter(Column::hidden).orElse(null);
            if (hidden != null) {
                parts.add("(" + expression(hidden.generatedSql()) + ")");
                continue;
            }
            int prefix = ix.prefixLength(i);
            parts.add(identifier(ix.columns().get(i)) + (prefix > 0 ? "(" + prefix + ")" : ""));
        }
        return String.join(",", parts);
    }

    /**
     * One column's definition in a table whose default collation is {@code tableCollation} (null: the default):
     * a text column of another collation shows {@code COLLATE c}, and {@code CHARACTER SET cs COLLATE c} when its
     * character set differs from the table's too, as MySQL 8 and Dolt print them.
     */
    public static String column(Column c, String tableCollation) {
        String text = column(c);
        if (!dev.scion.sql.catalog.ColumnFacts.isText(c.type())
                || Collations.effective(c.type().collation()).equals(Collations.effective(tableCollation))) {
            return text;
        }
        String name = identifier(c.name()) + " " + c.type().sqlName();
        String charset = Collations.charsetOf(c.type().collation());
        String clause = (charset.equals(Collations.charsetOf(tableCollation)) ? "" : " CHARACTER SET " + charset)
                + " COLLATE " + Collations.effective(c.type().collation());
        return name + clause + text.substring(name.length());
    }

    /** One column's definition, as it appears in CREATE TABLE and in ALTER TABLE ... ADD/MODIFY COLUMN. */
    public static String column(Column c) {
        StringBuilder sb = new StringBuilder(identifier(c.name())).append(' ').append(c.type().sqlName());
        if (c.generated()) {
            sb.append(" GENERATED ALWAYS AS (").append(dev.scion.sql.catalog.ColumnFacts.generationExpression(c))
                    .append(c.stored() ? ") STORED" : ") VIRTUAL");
            if (!c.nullable()) {
                sb.append(" NOT NULL");
            }
        } else {
            if (!c.nullable()) {
                sb.append(" NOT NULL");
            }
            if (c.type().srid() >= 0) {
                // MySQL 8.0.3 introduced the option; it writes it as a versioned comment
                sb.append(" /*!80003 SRID ").append(c.type().srid()).append(" */");
            }
            if (c.autoIncrement()) {
                sb.append(" AUTO_INCREMENT");
            } else if (c.defaultSql() != null) {
                sb.append(" DEFAULT ").append(defaultValue(c));
            }
            if (c.onUpdateSql() != null) {
                sb.append(" ON UPDATE ").append(c.onUpdateSql());
            }
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(quote(c.comment()));
        }
        return sb.toString();
    }

    /**
     * A DEFAULT as MySQL shows it: NULL; CURRENT_TIMESTAMP[(n)] for the current-time functions; a literal as the
     * quoted value it becomes in the column's type (an int's {@code 42} is {@code '42'}, a float's {@code 0.0} is
     * {@code '0'}); anything else is an expression default, shown in parentheses. A parenthesised current-time
     * function is an expression default too, which MySQL 8 prints as {@code (now([n]))}: it may be the default
     * of a column of any type, where a bare CURRENT_TIMESTAMP is only valid on DATETIME / TIMESTAMP.
     */
    public static String defaultValue(Column c) {
        String sql = c.defaultSql().strip();
        if (sql.equalsIgnoreCase("NULL")) {
            return "NULL";
        }
        String inner = dev.scion.sql.catalog.DefaultExpressions.inner(sql);
        if (!inner.equals(sql)) {
            var now = NOW.matcher(inner);
            if (now.matches()) {
                String digits = now.group(3);
                return "(now(" + (digits == null || digits.equals("0") ? "" : digits) + "))";
            }
            return "(" + expression(inner) + ")"; // an expression default, even around a literal
        }
        var now = NOW.matcher(sql);
        if (now.matches()) {
            String digits = now.group(3);
            return digits == null || digits.isEmpty() || digits.equals("0") ? "CURRENT_TIMESTAMP"
                    : "CURRENT_TIMESTAMP(" + digits + ")";
        }
        SqlNode node = parse(sql);
        if (node == null) {
            return sql;
        }
        String literal = literalValue(node, c);
        if (literal != null) {
            return quote(literal);
        }
        if (node instanceof SqlLiteral lit && lit.getTypeName().getName().startsWith("BINARY")
                || sql.regionMatches(true, 0, "x'", 0, 2) || sql.regionMatches(true, 0, "b'", 0, 2)) {
            return sql; // bit and hex literals read as MySQL writes them
        }
        return "(" + expression(node) + ")";
    }

    /**
     * The value a literal default holds in the column's type, unquoted: an int's {@code 42} is 42, a BOOL's FALSE
     * is 0, a DATETIME(3)'s '2020-01-01' is 2020-01-01 00:00:00.000. Null for NULL, the current time and
     * expression defaults. What information_schema.COLUMNS and SHOW COLUMNS show as the default, as MySQL shows
     * the text SHOW CREATE TABLE quotes.
     */
    public static String literalDefault(Column c) {
        String sql = c.defaultSql() == null ? "NULL" : c.defaultSql().strip();
        if (sql.equalsIgnoreCase("NULL") || !dev.scion.sql.catalog.DefaultExpressions.inner(sql).equals(sql)
                || NOW.matcher(sql).matches()) {
            return null;
        }
        SqlNode node = parse(sql);
        return node == null ? null : literalValue(node, c);
    }

    private static String literalValue(SqlNode node, Column c) {
        String literal = literalText(node);
        if (literal == null) {
            return null;
        }
        String temporal = temporalDefault(literal, c);
        return temporal != null ? temporal : inColumnType(literal, c.type().kind(), c.type().scale());
    }

    /** The text of a literal default (a signed number, a string, a boolean), or null for an expression. */
    private static String literalText(SqlNode node) {
        if (node instanceof SqlCharStringLiteral s) {
            return s.getValueAs(String.class);
        }
        if (node instanceof SqlNumericLiteral n) {
            return n.toValue();
        }
        if (node instanceof SqlLiteral l && l.getValue() instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX
                && call.operand(0) instanceof SqlNumericLiteral n) {
            return "-" + n.toValue();
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.PLUS_PREFIX
                && call.operand(0) instanceof SqlNumericLiteral n) {
            return n.toValue();
        }
        return null;
    }

    /**
     * A DATE, DATETIME or TIMESTAMP default as the column holds it ({@code 0} is '0000-00-00 00:00:00', '2020-01-01'
     * of a DATETIME(3) '2020-01-01 00:00:00.000'), or null for another type or a value the column refuses.
     */
    private static String temporalDefault(String literal, Column c) {
        TypeKind kind = c.type().kind();
        if (kind != TypeKind.DATE && kind != TypeKind.DATETIME && kind != TypeKind.TIMESTAMP) {
            return null;
        }
        Object v;
        try {
            // the number 0 is the zero date; the text '0' is no date
            boolean zero = NUMBER.matcher(literal).matches() && new BigDecimal(literal.replace(" ", "")).signum() == 0;
            v = dev.scion.sql.dml.ColumnValues.coerce(zero ? (Object) 0L : literal, c, 1);
        } catch (RuntimeException refused) {
            return null;
        }
        if (kind == TypeKind.DATE) {
            return v instanceof java.time.LocalDate || v instanceof dev.scion.storage.tuple.ZeroDate ? v.toString() : null;
        }
        String whole;
        int nanos = 0;
        if (v instanceof java.time.LocalDateTime t) {
            whole = t.format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
            nanos = t.getNano();
        } else if (v instanceof dev.scion.storage.tuple.ZeroDate) {
            whole = dev.scion.storage.tuple.ZeroDate.DATETIME.toString();
        } else {
            return null;
        }
        int fsp = Math.max(0, c.type().length());
        return fsp == 0 ? whole : whole + "." + String.format("%09d", nanos).substring(0, fsp);
    }

    /** A numeric literal converted as the column stores it; text of other types unchanged. */
    private static String inColumnType(String value, TypeKind kind, int scale) {
        if (!NUMBER.matcher(value).matches()) {
            return value;
        }
        try {
            BigDecimal d = new BigDecimal(value.replace(" ", ""));
            if (kind.isInteger()) {
                return d.setScale(0, RoundingMode.HALF_UP).toPlainString();
            }
            if (kind == TypeKind.DECIMAL) {
                return d.setScale(Math.max(scale, 0), RoundingMode.HALF_UP).toPlainString();
            }
            if (kind == TypeKind.FLOAT || kind == TypeKind.DOUBLE) {
                double v = kind == TypeKind.FLOAT ? (double) Float.parseFloat(d.toString()) : d.doubleValue();
                String text = kind == TypeKind.FLOAT ? Float.toString((float) v) : Double.toString(v);
                return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
            }
        } catch (NumberFormatException e) {
            return value;
        }
        return value;
    }

    /** A stored expression (a CHECK, an expression default) re-rendered as GMS prints expressions. */
    public static String expression(String sql) {
        SqlNode node = parse(sql);
        return node == null ? sql : expression(node);
    }

    private static String expression(SqlNode node) {
        if (node instanceof SqlIdentifier id) {
            return id.names.stream().map(CreateTableText::identifier).collect(Collectors.joining("."));
        }
        if (node instanceof SqlCharStringLiteral s) {
            return quote(s.getValueAs(String.class));
        }
        if (node instanceof SqlLiteral l) {
            return l.getValue() == null ? "NULL" : MySqlParser.unparse(l);
        }
        if (node instanceof SqlNodeList list) {
            return "(" + list.getList().stream().map(CreateTableText::expression).collect(Collectors.joining(", "))
                    + ")";
        }
        if (!(node instanceof SqlBasicCall call)) {
            return MySqlParser.unparse(node);
        }
        List<SqlNode> ops = call.getOperandList();
        SqlKind kind = call.getKind();
        switch (kind) {
            case NOT_EQUALS -> {
                if (ops.size() == 2) {
                    // GMS has no inequality node: a != b is NOT(a = b)
                    return "(NOT((" + expression(ops.get(0)) + " = " + expression(ops.get(1)) + ")))";
                }
            }
            case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, PLUS, MINUS,
                 TIMES, DIVIDE, AND, OR -> {
                if (ops.size() == 2) {
                    return "(" + expression(ops.get(0)) + " " + call.getOperator().getName().toUpperCase(Locale.ROOT)
                            + " " + expression(ops.get(1)) + ")";
                }
            }
            case LIKE -> {
                if (ops.size() == 2) {
                    return expression(ops.get(0)) + " " + call.getOperator().getName().toUpperCase(Locale.ROOT)
                            + " " + expression(ops.get(1));
                }
            }
            case NOT -> {
                return "(NOT(" + expression(ops.get(0)) + "))";
            }
            case BETWEEN -> {
                if (ops.size() == 3 && call.getOperator() instanceof org.apache.calcite.sql.fun.SqlBetweenOperator b
                        && !b.isNegated()) {
                    return "(" + expression(ops.get(0)) + " BETWEEN " + expression(ops.get(1)) + " AND "
                            + expression(ops.get(2)) + ")";
                }
            }
            case IS_NULL -> {
                return expression(ops.get(0)) + " IS NULL";
            }
            case IS_NOT_NULL -> {
                return "(NOT(" + expression(ops.get(0)) + " IS NULL))";
            }
            case MINUS_PREFIX -> {
                return "-" + expression(ops.get(0));
            }
            case IN, NOT_IN -> {
                return "(" + expression(ops.get(0)) + (kind == SqlKind.IN ? " IN " : " NOT IN ")
                        + expression(ops.get(1)) + ")";
            }
            case OTHER_FUNCTION -> {
                // a symbol operand is the parser's flag (JSON_OBJECT's NULL ON NULL), no argument MySQL writes
                return call.getOperator().getName().toLowerCase(Locale.ROOT) + "("
                        + ops.stream().filter(op -> !(op instanceof SqlLiteral l && l.getValue() instanceof Enum<?>))
                                .map(CreateTableText::expression).collect(Collectors.joining(",")) + ")";
            }
            default -> {
            }
        }
        return MySqlParser.unparse(node);
    }

    private static SqlNode parse(String sql) {
        try {
            return MySqlParser.parseExpression(sql);
        } catch (SqlParseException | RuntimeException e) {
            return null; // text this parser cannot read back is shown as stored
        }
    }

    /** A string literal as SHOW CREATE TABLE writes one: NUL, newline, return and backslash escaped, quotes doubled. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("''");
                default -> out.append(ch);
            }
        }
        return out.append('\'').toString();
    }

    static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String columnList(List<String> names) {
        return names.stream().map(CreateTableText::identifier).collect(Collectors.joining(","));
    }
}
