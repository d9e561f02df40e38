package dev.scion.sql.expr;

/**
 * An operator that compiles its own calls: the validator resolved it outside {@link SqlFunctions} (a stored
 * function of a database), so the interpreter asks the operator instead of looking its name up.
 */
public interface CompiledOperator {
    /** The call's evaluator given its compiled operands. */
    Expr compile(Expr[] operands);
}
