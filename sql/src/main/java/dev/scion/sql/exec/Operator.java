package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

/** A physical plan node: opening it gives a stream of rows. Plans are reusable; streams are not. */
public interface Operator {
    RowStream open(ExecContext ctx);

    /** One line naming this operator and its parameters, for plan printing (PlanPrinter, golden-file tests). */
    default String explain() {
        return getClass().getSimpleName();
    }

    /** The operators this one reads from, in order. */
    default java.util.List<Operator> inputs() {
        return java.util.List.of();
    }
}
