package dev.scion.sql.plan;

import dev.scion.sql.expr.SqlFunctions;
import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TypeKind;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * sql_mode PAD_CHAR_TO_FULL_LENGTH: a query reads a CHAR(n) column padded with spaces to n characters (MySQL
 * strips them otherwise), in what it returns and in every expression over the column ({@code CHAR_LENGTH(c)} is n).
 * Each scan of a table with CHAR columns gets a projection above it that pads them; a write's row query is never
 * given one (its rows are put back as stored).
 */
final class CharPadding {
    private CharPadding() {
    }

    static RelNode rewrite(RelNode rel) {
        return rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(TableScan scan) {
                return padded(scan);
            }
        });
    }

    private static RelNode padded(TableScan scan) {
        ScionTable table = scan.getTable().unwrap(ScionTable.class);
        if (table == null) {
            return scan;
        }
        List<Column> columns = table.value().schema().columns();
        if (columns.stream().noneMatch(c -> c.type().kind() == TypeKind.CHAR)
                || columns.size() != scan.getRowType().getFieldCount()) {
            return scan;
        }
        RexBuilder rex = scan.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            RexNode ref = rex.makeInputRef(scan, i);
            Column c = columns.get(i);
            exprs.add(c.type().kind() != TypeKind.CHAR ? ref : rex.makeCall(ref.getType(),
                    SqlFunctions.declared("RPAD"), List.of(ref,
                            rex.makeExactLiteral(BigDecimal.valueOf(c.type().maxLength())), rex.makeLiteral(" "))));
        }
        return LogicalProject.create(scan, List.of(), exprs, scan.getRowType());
    }
}
