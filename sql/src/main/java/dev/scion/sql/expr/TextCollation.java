package dev.scion.sql.expr;

import dev.scion.sql.catalog.Collations;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Carries a MySQL collation through Calcite's types, and picks the collation a comparison uses.
 *
 * <p>A text column of a collation other than the default, and {@code expr COLLATE name}, get a Calcite
 * {@link SqlCollation} whose strength is the MySQL name (Calcite names it {@code UTF-8$$name}, after the default charset saffron.properties sets); every other
 * string keeps Calcite's default collation, which stands for Scion's default {@code utf8mb4_0900_bin}. The
 * interpreter reads the name back from the operand types, so plans need no other bookkeeping.
 */
public final class TextCollation {
    private static final String MARK = "$$";

    private TextCollation() {
    }

    /** A text type carrying {@code collation} (a MySQL name) with the given coercibility. */
    public static RelDataType with(RelDataTypeFactory f, RelDataType type, String collation,
                                   SqlCollation.Coercibility coercibility) {
        Charset cs = type.getCharset() != null ? type.getCharset() : org.apache.calcite.util.Util.getDefaultCharset();
        return f.createTypeWithCharsetAndCollation(type, cs,
                new SqlCollation(coercibility, Locale.ROOT, cs, collation));
    }

    /** A Calcite collation standing for the MySQL collation {@code name}. */
    public static SqlCollation collation(String name, SqlCollation.Coercibility coercibility) {
        return new SqlCollation(coercibility, Locale.ROOT, org.apache.calcite.util.Util.getDefaultCharset(), name);
    }

    /** The MySQL collation a type carries, or null for the default (binary code-point order). */
    public static String of(RelDataType type) {
        if (type == null || !SqlTypeUtil.inCharFamily(type) || type.getCollation() == null) {
            return null;
        }
        String name = type.getCollation().getCollationName();
        int at = name.indexOf(MARK);
        return at < 0 ? null : name.substring(at + MARK.length());
    }

    /**
     * A constant (also under the casts Calcite adds, and as the parameter the plan cache makes of a literal) is
     * coercible whatever collation its type was given.
     */
    private static SqlCollation.Coercibility coercibility(RexNode n) {
        RexNode cur = n;
        while (cur.isA(org.apache.calcite.sql.SqlKind.CAST)) {
            cur = ((org.apache.calcite.rex.RexCall) cur).getOperands().get(0);
        }
        RelDataType type = n.getType();
        if (cur instanceof org.apache.calcite.rex.RexLiteral || cur instanceof org.apache.calcite.rex.RexDynamicParam
                || type.getCollation() == null) {
            return SqlCollation.Coercibility.COERCIBLE;
        }
        return type.getCollation().getCoercibility();
    }

    /**
     * The collation comparing {@code a} with {@code b} uses, by MySQL's coercibility rules: an explicit COLLATE
     * wins, then a column's, then a literal's; between two of equal rank and different collations, the binary one
     * of a character set wins (MySQL's rule for mixing {@code _bin} with {@code _ci}), else it is 1267. Null means
     * binary order.
     */
    public static String forComparison(RexNode left, RexNode right, String operation) {
        RexNode a = throughTextCasts(left);
        RexNode b = throughTextCasts(right);
        RelDataType ta = a.getType();
        RelDataType tb = b.getType();
        String ca = of(ta);
        String cb = of(tb);
        if (ca == null && cb == null || ca != null && ca.equals(cb)) {
            return ca;
        }
        if (!SqlTypeUtil.inCharFamily(ta)) {
            return cb;
        }
        if (!SqlTypeUtil.inCharFamily(tb)) {
            return ca;
        }
        int ra = coercibility(a).ordinal();
        int rb = coercibility(b).ordinal();
        if (ra != rb) {
            return ra < rb ? ca : cb;
        }
        // two different explicit COLLATEs never mix, a binary one included (MySQL and MariaDB: 1267)
        boolean explicit = coercibility(a) == SqlCollation.Coercibility.EXPLICIT;
        if (!explicit && (ca == null || Collations.isBinaryOrder(ca))) {
            return null;
        }
        if (!explicit && (cb == null || Collations.isBinaryOrder(cb))) {
            return null;
        }
        String rank = coercibility(a).name();
        throw new SqlError(ErrorCode.CANT_AGGREGATE_2COLLATIONS, "Illegal mix of collations ("
                + Collations.effective(ca) + "," + rank + ") and (" + Collations.effective(cb) + "," + rank
                + ") for operation '" + operation + "'");
    }

    /**
     * The node under the casts between text types Calcite adds to align operand types (an IN list casts the
     * column to VARCHAR; a comparison of two columns casts one to the other's type, collation included), which
     * would otherwise hide the column's own collation.
     */
    private static RexNode throughTextCasts(RexNode n) {
        RexNode cur = n;
        while (cur.isA(org.apache.calcite.sql.SqlKind.CAST) && SqlTypeUtil.inCharFamily(cur.getType())) {
            RexNode inner = ((org.apache.calcite.rex.RexCall) cur).getOperands().get(0);
            if (!SqlTypeUtil.inCharFamily(inner.getType())) {
                break;
            }
            cur = inner;
        }
        return cur;
    }

    /** True when strings compare under {@code collation} by their code points alone. */
    public static boolean binary(String collation) {
        return collation == null || Collations.isBinaryOrder(collation);
    }
}
