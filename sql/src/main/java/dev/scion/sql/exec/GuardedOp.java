package dev.scion.sql.exec;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.result.RowStream;

/**
 * The root of every query plan: turns an unexpected failure inside the operators (a Calcite assertion, a bug of
 * ours) into an ordinary {@link SqlError} so that the client gets an error packet instead of a hung connection.
 */
public final class GuardedOp implements Operator {
    private final Operator input;

    public GuardedOp(Operator input) {
        this.input = input;
    }

    @Override
    public RowStream open(ExecContext ctx) {
        RowStream in = guard(() -> input.open(ctx));
        return new RowStream() {
            @Override
            public Object[] next() {
                return guard(in::next);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    interface Step<T> {
        T run();
    }

    static <T> T guard(Step<T> step) {
        try {
            return step.run();
        } catch (SqlError e) {
            throw e;
        } catch (RuntimeException | AssertionError | StackOverflowError e) {
            throw unexpected(e);
        }
    }

    /** The error a client sees for an internal failure. */
    public static SqlError unexpected(Throwable e) {
        String msg = e instanceof StackOverflowError ? "query too deeply nested" : String.valueOf(e.getMessage());
        return new SqlError(ErrorCode.UNKNOWN_ERROR, "internal error: " + e.getClass().getSimpleName() + ": " + msg, e);
    }

    @Override
    public String explain() {
        return "Guarded";
    }

    @Override
    public java.util.List<Operator> inputs() {
        return java.util.List.of(input);
    }
}
