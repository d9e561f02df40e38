package dev.scion.sql.plan;

import dev.scion.sql.catalog.Collations;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.expr.TextCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * MySQL's refusal of a UNION, INTERSECT or EXCEPT whose branches give one text column collations that do not mix:
 * two columns of different collations of one character set, neither of them binary, are 1271 ("Illegal mix of
 * collations for operation 'UNION'"; MySQL and MariaDB name UNION for all three). An explicit COLLATE in any branch
 * decides the column's collation (two different ones are 1267, refused by Calcite while validating); a literal
 * takes the columns'; a {@code _bin} collation wins over another of its character set; collations of different
 * character sets are left alone (MySQL converts to the superset). Checked on the validated statement, reading
 * each branch's select item under the casts the validator added to give the branches one type.
 */
final class SetOperationCollations extends SqlBasicVisitor<Void> {
    private final SqlValidator validator;

    private SetOperationCollations(SqlValidator validator) {
        this.validator = validator;
    }

    static void check(SqlValidator validator, SqlNode validated) {
        validated.accept(new SetOperationCollations(validator));
    }

    @Override
    public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                || call.getKind() == SqlKind.EXCEPT) {
            checkColumns(call);
        }
        return super.visit(call);
    }

    private void checkColumns(SqlCall setOperation) {
        int columns = Integer.MAX_VALUE;
        for (SqlNode branch : setOperation.getOperandList()) {
            if (!(branch instanceof SqlSelect s)) {
                return;
            }
            columns = Math.min(columns, s.getSelectList().size());
        }
        for (int i = 0; i < columns; i++) {
            String column = null;
            for (SqlNode branch : setOperation.getOperandList()) {
                SqlNode item = underCasts(((SqlSelect) branch).getSelectList().get(i));
                if (item.getKind() == SqlKind.OTHER && item instanceof SqlCall c
                        && c.getOperator() == dev.scion.sql.parser.MySqlOperators.COLLATE) {
                    break; // an explicit COLLATE decides the column
                }
                RelDataType t = validator.getValidatedNodeTypeIfKnown(item);
                if (!(item instanceof org.apache.calcite.sql.SqlIdentifier) || t == null
                        || !SqlTypeUtil.inCharFamily(t)) {
                    continue; // a literal or an expression: only two columns clash here
                }
                String c = Collations.effective(TextCollation.of(t));
                column = column == null ? c : join(column, c);
            }
        }
    }

    /** The collation two columns' values take; 1271 when neither wins. */
    private static String join(String a, String b) {
        if (a.equals(b) || !Collations.charsetOf(a).equals(Collations.charsetOf(b))) {
            return a;
        }
        if (binary(a)) {
            return a;
        }
        if (binary(b)) {
            return b;
        }
        throw new SqlError(ErrorCode.CANT_AGGREGATE_NCOLLATIONS, "Illegal mix of collations for operation 'UNION'");
    }

    private static SqlNode underCasts(SqlNode n) {
        SqlNode cur = n;
        while (cur.getKind() == SqlKind.AS || cur.getKind() == SqlKind.CAST) {
            cur = ((SqlCall) cur).operand(0);
        }
        return cur;
    }

    private static boolean binary(String collation) {
        return collation.endsWith("_bin") || collation.equals("binary");
    }
}
