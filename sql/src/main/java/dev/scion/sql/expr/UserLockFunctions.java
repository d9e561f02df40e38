package dev.scion.sql.expr;

import dev.scion.sql.lock.UserLocks;

/** GET_LOCK, RELEASE_LOCK, IS_FREE_LOCK, IS_USED_LOCK and RELEASE_ALL_LOCKS over {@link UserLocks}. */
final class UserLockFunctions {
    private UserLockFunctions() {
    }

    /** The compiled call, or null if {@code name} is not one of these functions. */
    static Expr compile(String name, Expr[] a) {
        return switch (name) {
            case "GET_LOCK" -> (row, ctx) -> {
                Object n = a[0].eval(row, ctx);
                Object t = a.length > 1 ? a[1].eval(row, ctx) : null;
                return UserLocks.acquire(ctx.session(), n == null ? null : Values.toStringValue(n),
                        t == null ? 0 : Values.toDouble(t));
            };
            case "RELEASE_LOCK" -> (row, ctx) -> UserLocks.release(ctx.session(), text(a[0].eval(row, ctx)));
            case "IS_FREE_LOCK" -> (row, ctx) -> UserLocks.holder(text(a[0].eval(row, ctx))) == null ? 1L : 0L;
            case "IS_USED_LOCK" -> (row, ctx) -> UserLocks.holder(text(a[0].eval(row, ctx)));
            case "RELEASE_ALL_LOCKS" -> (row, ctx) -> UserLocks.releaseAll(ctx.session());
            default -> null;
        };
    }

    private static String text(Object v) {
        return v == null ? null : Values.toStringValue(v);
    }
}
