package dev.scion.sql.dml;

import dev.scion.sql.expr.Expr;
import dev.scion.sql.plan.RowExpressions;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SET expressions of a LOAD DATA compiled once per statement over the fields of a file row
 * ({@link RowExpressions}), instead of planning a one-row SELECT per row and assignment.
 *
 * <p>The compiled row is the file's fields, each named by what it fills ({@code @var} or a column) and typed
 * VARCHAR: what the planned path sees, a field's text as a character literal and an unset variable's NULL as a
 * VARCHAR NULL. So an expression compiles only when every name it reads is such a field whose value is still the
 * file's text: a column no earlier SET assignment has replaced, a variable the column list sets. Anything else
 * (another user variable, a system variable, a column the file does not fill, a sub-query, a stored function) is
 * null here and planned per row as before.
 */
final class LoadDataSetExpressions {
    private LoadDataSetExpressions() {
    }

    /**
     * Per assignment, its compiled form over a row of {@code inputs}' field values (in input order), or null.
     *
     * @param inputColumns per input, the column it fills or -1 for a user variable
     * @param assignedColumns per assignment, the column it sets
     */
    static Expr[] compile(List<LoadDataStatement.Input> inputs, int[] inputColumns, int[] assignedColumns,
                          List<SqlNode> values) {
        // a name read by an expression -> the input whose field it is (the last one, as the variable keeps it)
        Map<String, Integer> fieldOf = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            fieldOf.put(nameOf(inputs.get(i)), i);
        }
        List<RowExpressions.Field> fields = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            // a name that is not the last input of its name reads nothing: give it a name no expression can write
            String name = fieldOf.get(nameOf(inputs.get(i))) == i ? nameOf(inputs.get(i)) : "\u0000" + i;
            fields.add(new RowExpressions.Field(name,
                    (f, n) -> f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true)));
        }
        Expr[] out = new Expr[values.size()];
        for (int a = 0; a < out.length; a++) {
            if (readsOnlyFileFields(values.get(a), fieldOf, inputColumns, assignedColumns, a)) {
                out[a] = RowExpressions.compileParsed(values.get(a), fields).orElse(null);
            }
        }
        return out;
    }

    private static String nameOf(LoadDataStatement.Input in) {
        return (in.isVariable() ? "@" + in.variable() : in.column()).toLowerCase(Locale.ROOT);
    }

    private static boolean readsOnlyFileFields(SqlNode value, Map<String, Integer> fieldOf, int[] inputColumns,
                                               int[] assignedColumns, int assignment) {
        boolean[] ok = {true};
        value.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                String name = id.names.get(0);
                Integer field = id.isSimple() && !id.isStar() && !name.startsWith("@@")
                        ? fieldOf.get(name.toLowerCase(Locale.ROOT)) : null;
                if (field == null) {
                    ok[0] = false;
                } else if (inputColumns[field] >= 0) {
                    for (int earlier = 0; earlier < assignment; earlier++) {
                        if (assignedColumns[earlier] == inputColumns[field]) {
                            ok[0] = false; // the column holds that assignment's value, not the file's text
                        }
                    }
                }
                return null;
            }
        });
        return ok[0];
    }
}
