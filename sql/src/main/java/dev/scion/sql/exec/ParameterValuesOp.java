package dev.scion.sql.exec;

import dev.scion.sql.result.RowStream;

/**
 * Gives the operators of a cached plan this execution's parameter values: its compiled expressions read a parameter
 * from the {@link ExecContext} when they are evaluated, so one compiled expression serves every execution. Not an
 * operator of the plan's own: plan printing shows its input in its place.
 */
public final class ParameterValuesOp implements Operator {
    private final Operator input;
    private final Object[] values;

    public ParameterValuesOp(Operator input, Object[] values) {
        this.input = input;
        this.values = values;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        ctx.bindParameters(values);
        return input.open(ctx);
    }

    @Override
    public String explain() {
        return input.explain();
    }

    @Override
    public java.util.List<Operator> inputs() {
        return input.inputs();
    }
}
