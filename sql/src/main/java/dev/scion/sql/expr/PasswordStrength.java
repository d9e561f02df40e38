package dev.scion.sql.expr;

import dev.scion.sql.session.Session;

/**
 * VALIDATE_PASSWORD_STRENGTH(pw) as MySQL's validate_password component scores it: 0 below 4 characters, 25
 * below validate_password.length, 50 when it lacks the MEDIUM policy's counts of upper- and lower-case letters
 * (validate_password.mixed_case_count each), digits (number_count) and other characters (special_char_count),
 * else 100. The STRONG policy's dictionary check always passes: Scion loads no dictionary file, so MEDIUM's 75
 * is never the answer.
 */
final class PasswordStrength {
    private PasswordStrength() {
    }

    static Expr compile(String name, Expr[] a) {
        if (!name.equals("VALIDATE_PASSWORD_STRENGTH") || a.length != 1) {
            return null;
        }
        return (row, ctx) -> {
            Object v = a[0].eval(row, ctx);
            return v == null ? null : score(ctx.session(), Values.toStringValue(v));
        };
    }

    static long score(Session session, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < 4) {
            return 0;
        }
        if (length < setting(session, "validate_password.length")) {
            return 25;
        }
        long upper = password.codePoints().filter(Character::isUpperCase).count();
        long lower = password.codePoints().filter(Character::isLowerCase).count();
        long digits = password.codePoints().filter(Character::isDigit).count();
        long special = length - upper - lower - digits;
        long mixed = setting(session, "validate_password.mixed_case_count");
        if (upper < mixed || lower < mixed || digits < setting(session, "validate_password.number_count")
                || special < setting(session, "validate_password.special_char_count")) {
            return 50;
        }
        return 100;
    }

    private static long setting(Session session, String variable) {
        Object v = session.variable(variable);
        return v == null ? 0 : Values.toLong(v);
    }
}
