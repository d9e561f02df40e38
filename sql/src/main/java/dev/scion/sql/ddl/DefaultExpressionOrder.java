package dev.scion.sql.ddl;

import dev.scion.sql.catalog.DefaultExpressions;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.parser.MySqlParser;
import dev.scion.versioning.schema.Column;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.util.SqlBasicVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL's rules for the columns an expression default reads, checked on the finished column list (so they hold
 * after ADD ... FIRST / AFTER and MODIFY moves too): a generated column or one with an expression default must
 * come before the reader (3767; the reader itself counts as after), and no AUTO_INCREMENT column may be read
 * (3768), its value being unknown when defaults are computed.
 */
final class DefaultExpressionOrder {
    private DefaultExpressionOrder() {
    }

    static void check(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            Column reader = columns.get(i);
            if (!DefaultExpressions.isParenthesized(reader.defaultSql())) {
                continue;
            }
            for (String name : namesIn(reader.defaultSql())) {
                int j = indexOf(columns, name);
                if (j < 0) {
                    continue;
                }
                Column read = columns.get(j);
                if (read.autoIncrement()) {
                    throw new SqlError(ErrorCode.DEFAULT_VAL_GENERATED_REF_AUTO_INC, "Default value expression of "
                            + "column '" + reader.name() + "' cannot refer to an auto-increment column.");
                }
                if (j >= i && (read.generated() || DefaultExpressions.isParenthesized(read.defaultSql()))) {
                    throw new SqlError(ErrorCode.DEFAULT_VAL_GENERATED_NON_PRIOR, "Default value expression of "
                            + "column '" + reader.name() + "' cannot refer to a column defined after it if that "
                            + "column is a generated column or has an expression as default value.");
                }
            }
        }
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> namesIn(String defaultSql) {
        List<String> names = new ArrayList<>();
        SqlNode node;
        try {
            node = MySqlParser.parseExpression(defaultSql);
        } catch (SqlParseException e) {
            return names; // stored text that no longer parses is reported when it is evaluated
        }
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                names.add(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT));
                return null;
            }
        });
        return names;
    }
}
