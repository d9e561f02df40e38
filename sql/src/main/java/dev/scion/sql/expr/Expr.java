package dev.scion.sql.expr;

import dev.scion.sql.exec.ExecContext;

/** A compiled scalar expression evaluated against one input row. */
@FunctionalInterface
public interface Expr {
    Object eval(Object[] row, ExecContext ctx);
}
