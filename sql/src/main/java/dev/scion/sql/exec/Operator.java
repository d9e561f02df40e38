package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

/** A physical plan node: opening it gives a stream of rows. Plans are reusable; streams are not. */
public interface Operator {
    RowStream open(ExecContext ctx);
}
