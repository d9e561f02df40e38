package dev.scion.sql.plan;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL's reading of the names in a SELECT's WINDOW clause and its OVER clauses, settled before validation:
 * <ul>
 * <li>Window names are not case-sensitive ({@code WINDOW W1 AS (...)} is {@code OVER (w1)}); every declaration and
 * reference is written in lower case for Calcite, which compares them exactly.</li>
 * <li>{@code OVER (w)} that adds nothing to {@code w} is {@code OVER w}, also when {@code w} has a frame (Calcite
 * reads it as a new window inheriting a frame, which the standard forbids).</li>
 * <li>A name no window of the SELECT declares is 3579; windows that reference each other in a cycle are 3580
 * (Calcite followed the references without noticing).</li>
 * </ul>
 */
public final class NamedWindows extends SqlBasicVisitor<Void> {
    private NamedWindows() {
    }

    /** Rewrites {@code query} in place; returns it. */
    public static SqlNode rewrite(SqlNode query) {
        query.accept(new NamedWindows());
        return query;
    }

    @Override
    public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getWindowList() != null
                && !select.getWindowList().isEmpty()) {
            Map<String, SqlWindow> declared = declarations(select.getWindowList());
            for (SqlWindow window : declared.values()) {
                checkChain(window, declared);
            }
            OverClauses over = new OverClauses(declared);
            select.getSelectList().accept(over);
            if (select.getOrderList() != null) {
                select.getOrderList().accept(over);
            }
        }
        return super.visit(call);
    }

    private static Map<String, SqlWindow> declarations(SqlNodeList windows) {
        Map<String, SqlWindow> out = new HashMap<>();
        for (SqlNode node : windows) {
            if (node instanceof SqlWindow w && w.getDeclName() != null) {
                w.setDeclName(lowerCase(w.getDeclName()));
                out.put(w.getDeclName().getSimple(), w);
                if (w.getRefName() != null) {
                    w.setOperand(1, lowerCase(w.getRefName()));
                }
            }
        }
        return out;
    }

    /** Follows the references from {@code window}: each must be declared, and none may lead back. */
    private static void checkChain(SqlWindow window, Map<String, SqlWindow> declared) {
        Set<String> seen = new HashSet<>();
        seen.add(window.getDeclName().getSimple());
        SqlWindow current = window;
        while (current.getRefName() != null) {
            String ref = current.getRefName().getSimple();
            current = declared.get(ref);
            if (current == null) {
                throw unknown(ref);
            }
            if (!seen.add(ref)) {
                throw new SqlError(ErrorCode.WINDOW_CIRCULARITY,
                        "There is a circularity in the window dependency graph.");
            }
        }
    }

    private static SqlError unknown(String name) {
        return new SqlError(ErrorCode.WINDOW_NO_SUCH_WINDOW, "Window name '" + name + "' is not defined.");
    }

    private static SqlIdentifier lowerCase(SqlIdentifier id) {
        return new SqlIdentifier(id.getSimple().toLowerCase(Locale.ROOT), id.getParserPosition());
    }

    /** The OVER clauses of one SELECT (not of its sub-queries, which declare their own windows). */
    private static final class OverClauses extends SqlBasicVisitor<Void> {
        private final Map<String, SqlWindow> declared;

        OverClauses(Map<String, SqlWindow> declared) {
            this.declared = declared;
        }

        @Override
        public Void visit(SqlCall call) {
            if (call.getKind().belongsTo(SqlKind.QUERY)) {
                return null;
            }
            if (call.getKind() == SqlKind.OVER) {
                SqlNode spec = call.operand(1);
                if (spec instanceof SqlIdentifier name) {
                    call.setOperand(1, declaredName(name));
                } else if (spec instanceof SqlWindow w && w.getRefName() != null) {
                    SqlIdentifier ref = declaredName(w.getRefName());
                    if (addsNothing(w)) {
                        call.setOperand(1, ref);
                    } else {
                        w.setOperand(1, ref);
                    }
                }
            }
            return super.visit(call);
        }

        private SqlIdentifier declaredName(SqlIdentifier name) {
            SqlIdentifier lower = lowerCase(name);
            if (!declared.containsKey(lower.getSimple())) {
                throw unknown(name.getSimple());
            }
            return new SqlIdentifier(lower.getSimple(), SqlParserPos.ZERO);
        }

        private static boolean addsNothing(SqlWindow w) {
            return isEmpty(w.getPartitionList()) && isEmpty(w.getOrderList()) && w.getLowerBound() == null
                    && w.getUpperBound() == null;
        }

        private static boolean isEmpty(SqlNodeList list) {
            return list == null || list.isEmpty();
        }
    }
}
