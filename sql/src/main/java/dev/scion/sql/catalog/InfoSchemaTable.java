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
    /**
     * The collation of the dictionary's column and index names, which MySQL compares and sorts case-insensitively,
     * by their lower case ({@code v_whole} before {@code vx}).
     */
    private static final String NAME_COLLATION = "utf8mb3_tolower_ci";
    /** The information_schema columns that hold such names. */
    private static final java.util.Set<String> CASE_FOLDED_NAMES = java.util.Set.of("COLUMN_NAME", "INDEX_NAME",
            "REFERENCED_COLUMN_NAME");

    private final String name;
    private final List<String> columns = new ArrayList<>();
    private final List<SqlTypeName> types = new ArrayList<>();
    /** Each text column's collation (null for the other types). */
    private final List<String> collations = new ArrayList<>();
    private final Function<Session, List<Object[]>> rows;

    public InfoSchemaTable(String name, Function<Session, List<Object[]>> rows) {
        this.name = name;
        this.rows = rows;
    }

    /** Adds text columns. */
    public InfoSchemaTable text(String... names) {
        for (String n : names) {
            add(n, SqlTypeName.VARCHAR, CASE_FOLDED_NAMES.contains(n) ? NAME_COLLATION : DICTIONARY_COLLATION);
        }
        return this;
    }

    private void add(String name, SqlTypeName type, String collation) {
        columns.add(name);
        types.add(type);
        collations.add(collation);
    }

    /** Adds integer columns. */
    public InfoSchemaTable integer(String... names) {
        for (String n : names) {
            add(n, SqlTypeName.BIGINT, null);
        }
        return this;
    }

    /** Adds DOUBLE columns. */
    public InfoSchemaTable floating(String... names) {
        for (String n : names) {
            add(n, SqlTypeName.DOUBLE, null);
        }
        return this;
    }

    /** Adds JSON columns (values are JSON text in MySQL's normal form). */
    public InfoSchemaTable json(String... names) {
        for (String n : names) {
            add(n, SqlTypeName.OTHER, null);
        }
        return this;
    }

    /** Adds timestamp columns. */
    public InfoSchemaTable timestamp(String... names) {
        for (String n : names) {
            add(n, SqlTypeName.TIMESTAMP, null);
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
            RelDataType t = types.get(i) == SqlTypeName.VARCHAR ? text(f, collations.get(i))
                    : f.createSqlType(types.get(i));
            b.add(columns.get(i), f.createTypeWithNullability(t, true));
        }
        return b.build();
    }

    /**
     * MySQL's data dictionary keeps names and texts in utf8mb3 with its binary collation, so {@code table_name
     * COLLATE utf8_general_ci} is accepted and {@code COLLATE utf8mb4_...} is 1253, as there; the order is the
     * code-point order the columns had before.
     */
    private static RelDataType text(RelDataTypeFactory f, String collation) {
        return TextCollation.with(f, f.createSqlType(SqlTypeName.VARCHAR, TEXT_LENGTH), collation,
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
