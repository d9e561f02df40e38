package dev.scion.sql.expr;

import dev.scion.sql.exec.ExecContext;

import java.lang.ref.WeakReference;

/**
 * RAND(seed) as MySQL computes it (its randominit / my_rnd in mysys), so a seed gives MySQL's sequence: two
 * generators over 2^30 - 1 seeded from the 32-bit integer value of the argument (a NULL or non-numeric string seed is
 * 0). A constant seed starts the sequence once per statement and each row takes the next value; a seed read from
 * the row restarts the generator on every row, as MySQL does for a non-constant argument.
 */
final class SeededRandom {
    private static final long MAX_VALUE = 0x3FFFFFFFL;

    private long seed1;
    private long seed2;

    private SeededRandom(long seed) {
        long tmp = seed & 0xFFFFFFFFL;
        seed1 = ((tmp * 0x10001L + 55555555L) & 0xFFFFFFFFL) % MAX_VALUE;
        seed2 = ((tmp * 0x10000001L) & 0xFFFFFFFFL) % MAX_VALUE;
    }

    double next() {
        seed1 = (seed1 * 3 + seed2) % MAX_VALUE;
        seed2 = (seed1 + seed2 + 33) % MAX_VALUE;
        return (double) seed1 / (double) MAX_VALUE;
    }

    /** The first value of the sequence a seed starts (tests and a per-row seed use it). */
    static double first(long seed) {
        return new SeededRandom(seed).next();
    }

    static Expr compile(Expr seed, boolean constant) {
        if (!constant) {
            return (row, ctx) -> first(seedOf(seed.eval(row, ctx), ctx));
        }
        return new Expr() {
            /** The statement the generator belongs to: a cached plan's expression runs again in new statements. */
            private WeakReference<ExecContext> owner = new WeakReference<>(null);
            private SeededRandom generator;

            @Override
            public synchronized Object eval(Object[] row, ExecContext ctx) {
                if (owner.get() != ctx || generator == null) {
                    generator = new SeededRandom(seedOf(seed.eval(row, ctx), ctx));
                    owner = new WeakReference<>(ctx);
                }
                return generator.next();
            }
        };
    }

    private static long seedOf(Object v, ExecContext ctx) {
        return v == null ? 0 : IntegerArgument.prefix(v, ctx);
    }
}
