package dev.scion.sql.plan;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.versioning.model.TableValue;
import dev.scion.versioning.schema.Column;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;
import dev.scion.storage.prolly.ProllyMap;

import java.util.List;

/** A user table as the planner sees it: its row type, and what the executor needs to read it. */
public final class ScionTable extends AbstractTable {
    private final DatabaseState database;
    private final String name;
    private final TableValue value;

    public ScionTable(DatabaseState database, String name, TableValue value) {
        this.database = database;
        this.name = name;
        this.value = value;
    }

    public DatabaseState database() {
        return database;
    }

    public String name() {
        return name;
    }

    public TableValue value() {
        return value;
    }

    /** The row count (for join ordering); the PK columns are a unique key. Read from the tree's root. */
    @Override
    public Statistic getStatistic() {
        double rows = ProllyMap.load(database.buffer(), value.rows()).count();
        int[] pk = value.schema().primaryKeyIndexes();
        if (value.schema().isKeyless() || pk.length == 0) {
            return Statistics.of(rows, List.of());
        }
        return Statistics.of(rows, List.of(ImmutableBitSet.of(pk)));
    }

    /**
     * A functional key part's hidden column ({@link Column#hidden}) stays in the row type, where the executor and
     * index matching find it, but Calcite leaves "rolled up" columns out when it expands {@code *}: so
     * {@code SELECT *} shows the table as MySQL does.
     */
    @Override
    public boolean isRolledUp(String column) {
        return column.startsWith(Column.HIDDEN_PREFIX) && !HIDDEN_NAMED.get();
    }

    /**
     * Set while UPDATE and DELETE plan the SELECT that reads their rows: it names every column, hidden ones
     * included, and Calcite refuses a rolled-up column named outside an aggregate.
     */
    private static final ThreadLocal<Boolean> HIDDEN_NAMED = ThreadLocal.withInitial(() -> false);

    /** {@code plan} planned with hidden columns as ordinary columns (a write's own row read). */
    public static <T> T namingHiddenColumns(java.util.function.Supplier<T> plan) {
        boolean before = HIDDEN_NAMED.get();
        HIDDEN_NAMED.set(true);
        try {
            return plan.get();
        } finally {
            HIDDEN_NAMED.set(before);
        }
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (Column c : value.schema().columns()) {
            b.add(c.name(), TypeMapping.toCalcite(f, c));
        }
        return b.build();
    }
}
