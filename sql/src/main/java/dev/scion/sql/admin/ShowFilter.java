package dev.scion.sql.admin;

import dev.scion.sql.dml.ExpressionEvaluator;
import dev.scion.sql.dml.ValueLiterals;
import dev.scion.sql.expr.Values;
import dev.scion.sql.parser.StatementReader;
import dev.scion.sql.plan.VariableRewriter;
import dev.scion.sql.result.ResultColumn;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional {@code LIKE 'pattern'} or {@code WHERE expr} of a SHOW statement. LIKE matches the first column;
 * WHERE is evaluated for each row with the SHOW's column names bound to the row's values, as MySQL does.
 */
public record ShowFilter(String like, String where) {
    private static final Pattern TAIL = Pattern.compile("\\s*(?:LIKE\\s+('(?:[^'\\\\]|\\\\.|'')*'|\"[^\"]*\")|WHERE\\s+(.+))?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static final ShowFilter NONE = new ShowFilter(null, null);

    /** Reads a filter from the text after the SHOW's fixed part (null or blank for none). */
    public static ShowFilter parse(String tail) {
        if (tail == null || tail.isBlank()) {
            return NONE;
        }
        Matcher m = TAIL.matcher(tail);
        if (!m.matches()) {
            throw StatementReader.syntaxError(tail.strip(), null);
        }
        return new ShowFilter(m.group(1) == null ? null : Identifiers.unquoteString(m.group(1)), m.group(2));
    }

    /** The regex fragment that captures a filter as one group. */
    static String group() {
        return "((?:\\s+(?:LIKE|WHERE)\\s+.*)?)";
    }

    List<Object[]> apply(Session session, List<String> columns, List<Object[]> rows) {
        if (like != null) {
            Pattern p = Identifiers.likePattern(like);
            return rows.stream().filter(r -> r[0] != null && p.matcher(Values.toStringValue(r[0])).matches()).toList();
        }
        if (where == null) {
            return rows;
        }
        SqlNode condition = StatementReader.expression(VariableRewriter.rewrite(where));
        List<Object[]> out = new ArrayList<>();
        for (Object[] r : rows) {
            SqlNode bound = condition.accept(new SqlShuttle() {
                @Override
                public SqlNode visit(SqlIdentifier id) {
                    String name = id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT);
                    for (int i = 0; i < columns.size(); i++) {
                        if (columns.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                            return ValueLiterals.of(r[i]);
                        }
                    }
                    return id;
                }
            });
            Object v = ExpressionEvaluator.evaluate(session, List.of(bound), where)[0];
            if (v != null && Values.toDouble(v) != 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** A text result with these columns and the rows the filter keeps. */
    public StatementResult result(Session session, List<String> columns, List<Object[]> rows) {
        return new StatementResult.Rows(columns.stream().map(ResultColumn::text).toList(),
                RowStream.of(apply(session, columns, rows)));
    }
}
