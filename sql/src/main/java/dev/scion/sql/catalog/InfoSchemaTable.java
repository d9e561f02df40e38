package dev.scion.sql.catalog;

import dev.scion.sql.dolt.SystemTable;
import dev.scion.sql.expr.TextCollation;
import dev.scion.sql.result.RowStream;
import dev.scion.sql.session.Session;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One information_schema (or mysql) table: its columns (text or integer) and the rows it computes for a session. */
public final class InfoSchemaTable implements SystemTable {
    private static final int TEXT_LENGTH = 65535;
    private static final String DICTIONARY_COLLATION = "utf8mb3_bin";

    private final String name;
    private final List<String> columns = new ArrayList<>();
    private final List<SqlTypeName> types = new ArrayList<>();
    private final Function<Session, List<Object[]>> rows;

    public InfoSchemaTable(String name, Function<Session, List<Object[]>> rows) {
        this.name = name;
        this.rows = rows;
    }

    /** Adds text columns. */
    public InfoSchemaTable text(String... names) {
        for (String n : names) {
            columns.add(n);
            types.add(SqlTypeName.VARCHAR);
        }
        return this;
    }

    /** Adds integer columns. */
    public InfoSchemaTable integer(String... names) {
        for (String n : names) {
            columns.add(n);
            types.add(SqlTypeName.BIGINT);
        }
        return this;
    }

    /** Adds JSON columns (values are JSON text in MySQL's normal form). */
    public InfoSchemaTable json(String... names) {
        for (String n : names) {
            columns.add(n);
            types.add(SqlTypeName.OTHER);
        }
        return this;
    }

    /** Adds timestamp columns. */
    public InfoSchemaTable timestamp(String... names) {
        for (String n : names) {
            columns.add(n);
            types.add(SqlTypeName.TIMESTAMP);
        }
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RelDataType rowType(RelDataTypeFactory f) {
        var b = f.builder();
        for (int i = 0; i < columns.size(); i++) {
            if (types.get(i) == SqlTypeName.OTHER) {
                b.add(columns.get(i), dev.scion.sql.expr.json.JsonType.create(f, true));
                continue;
            }
            RelDataType t = types.get(i) == SqlTypeName.VARCHAR ? text(f) : f.createSqlType(types.get(i));
            b.add(columns.get(i), f.createTypeWithNullability(t, true));
        }
        return b.build();
    }

    /**
     * MySQL's data dictionary keeps names and texts in utf8mb3 with its binary collation, so {@code table_name
     * COLLATE utf8_general_ci} is accepted and {@code COLLATE utf8mb4_...} is 1253, as there; the order is the
     * code-point order the columns had before.
     */
    private static RelDataType text(RelDataTypeFactory f) {
        return TextCollation.with(f, f.createSqlType(SqlTypeName.VARCHAR, TEXT_LENGTH), DICTIONARY_COLLATION,
                SqlCollation.Coercibility.IMPLICIT);
    }

    @Override
    public RowStream scan(Session session, DatabaseState ignored) {
        List<Object[]> out = rows.apply(session);
        for (Object[] r : out) {
            if (r.length != columns.size()) {
                throw new IllegalStateException("information_schema." + name + " row has " + r.length
                        + " values for " + columns.size() + " columns");
            }
        }
        return RowStream.of(out);
    }
}
