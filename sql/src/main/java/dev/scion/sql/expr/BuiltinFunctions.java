package dev.scion.sql.expr;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * MySQL's string, numeric and control-flow built-ins, with MySQL's NULL and conversion rules (a NULL argument gives
 * NULL unless the function says otherwise; strings convert to numbers by their numeric prefix). Date and time
 * functions are in {@link DateFunctions}.
 */
final class BuiltinFunctions {
    private BuiltinFunctions() {
    }

    /** The compiled call, or null if {@code name} is not one of these functions. */
    static Expr compile(String name, RexCall call, Expr[] a) {
        switch (name) {
            case "GREATEST":
                return strictN(a, v -> extreme(v, 1));
            case "LEAST":
                return strictN(a, v -> extreme(v, -1));
            case "ISNULL":
                return (row, ctx) -> a[0].eval(row, ctx) == null ? 1L : 0L;
            case "XOR":
                return (row, ctx) -> {
                    Boolean x = Values.truth(a[0].eval(row, ctx));
                    Boolean y = Values.truth(a[1].eval(row, ctx));
                    return x == null || y == null ? null : (Object) (x ^ y ? 1L : 0L);
                };
            case "&":
                return strictN(a, v -> unsigned(Values.toUnsignedBits(v[0]) & Values.toUnsignedBits(v[1])));
            case "^":
                return strictN(a, v -> unsigned(Values.toUnsignedBits(v[0]) ^ Values.toUnsignedBits(v[1])));
            case "|":
                return strictN(a, v -> unsigned(Values.toUnsignedBits(v[0]) | Values.toUnsignedBits(v[1])));
            case "~":
                return strictN(a, v -> unsigned(~Values.toUnsignedBits(v[0])));
            case "<<":
                return strictN(a, v -> unsigned(shift(Values.toUnsignedBits(v[0]), Values.toUnsignedBits(v[1]), true)));
            case ">>":
                return strictN(a, v -> unsigned(shift(Values.toUnsignedBits(v[0]), Values.toUnsignedBits(v[1]), false)));
            case "TO_UNSIGNED": {
                // a binary string is read as its text too (CAST(CHAR(55) AS UNSIGNED) is 7), a hex literal (typed
                // as text) as its bytes' integer
                boolean binary = org.apache.calcite.sql.type.SqlTypeUtil.isBinary(call.getOperands().get(0).getType());
                return (row, ctx) -> {
                    Object x = a[0].eval(row, ctx);
                    if (x == null) {
                        return null;
                    }
                    if (binary && x instanceof byte[] b) {
                        x = new String(b, java.nio.charset.StandardCharsets.UTF_8);
                    }
                    // text gives the integer it starts with, as CAST(text AS SIGNED) does (IntegerPrefix)
                    BigInteger n = x instanceof String text ? IntegerPrefix.of(text, ctx)
                            : Values.toDecimal(x).setScale(0, RoundingMode.HALF_UP).toBigInteger();
                    if (n.signum() < 0) {
                        n = n.add(BigInteger.ONE.shiftLeft(64)).max(BigInteger.ZERO);
                    }
                    return UnsignedArithmetic.of(n.min(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
                };
            }
            case "DIV":
                if (UnsignedArithmetic.isUnsigned(call.getType())) {
                    return DivisionByZero.of(a[0], a[1], UnsignedArithmetic::divide);
                }
                return DivisionByZero.of(a[0], a[1], (x, y) -> {
                    BigDecimal divisor = Values.toDecimal(y);
                    if (divisor.signum() == 0) {
                        return null;
                    }
                    return Values.toDecimal(x).divide(divisor, 0, RoundingMode.DOWN).longValueExact();
                });
            case "*":
                // an interval scaled by a number (INTERVAL n MONTH), in the interval's unit (months or ms)
                return strictN(a, v -> Values.multiply(v[0], v[1]));
            case "POSITION":
                return strictN(a, v -> locate(str(v[0]), str(v[1]), v.length > 2 ? Values.toLong(v[2]) : 1));
            case "TRIM":
                return strictN(a, v -> trim(v[0].toString(), str(v[1]), str(v[2])));
            case "CONCAT_WS":
                return (row, ctx) -> {
                    Object sep = a[0].eval(row, ctx);
                    if (sep == null) {
                        return null;
                    }
                    StringBuilder sb = new StringBuilder();
                    boolean first = true;
                    for (int i = 1; i < a.length; i++) {
                        Object v = a[i].eval(row, ctx);
                        if (v != null) {
                            if (!first) {
                                sb.append(Values.toStringValue(sep));
                            }
                            sb.append(Values.toStringValue(v));
                            first = false;
                        }
                    }
                    return sb.toString();
                };
            case "LPAD":
            case "RPAD":
                return strictN(a, v -> pad(str(v[0]), Values.toLong(v[1]), str(v[2]), name.equals("LPAD")));
            case "REPEAT":
                return strictN(a, v -> {
                    long n = Values.toLong(v[1]);
                    return n <= 0 ? "" : str(v[0]).repeat((int) Math.min(n, 16_777_216L));
                });
            case "REVERSE":
                return strictN(a, v -> new StringBuilder(str(v[0])).reverse().toString());
            case "LEFT":
                return strictN(a, v -> {
                    String s = str(v[0]);
                    long n = Values.toLong(v[1]);
                    return n <= 0 ? "" : s.substring(0, (int) Math.min(n, s.length()));
                });
            case "RIGHT":
                return strictN(a, v -> {
                    String s = str(v[0]);
                    long n = Values.toLong(v[1]);
                    return n <= 0 ? "" : s.substring(s.length() - (int) Math.min(n, s.length()));
                });
            case "LTRIM":
                return strictN(a, v -> str(v[0]).replaceFirst("^ +", ""));
            case "RTRIM":
                return strictN(a, v -> str(v[0]).replaceFirst(" +$", ""));
            case "REPLACE":
                return strictN(a, v -> {
                    String from = str(v[1]);
                    return from.isEmpty() ? str(v[0]) : str(v[0]).replace(from, str(v[2]));
                });
            case "SLEEP":
                return (row, ctx) -> sleep(a[0].eval(row, ctx), ctx);
            case "SPACE":
                return strictN(a, v -> " ".repeat((int) Math.max(0, Math.min(Values.toLong(v[0]), 16_777_216L))));
            case "ASCII":
                return strictN(a, v -> {
                    byte[] b = bytes(v[0]);
                    return b.length == 0 ? 0L : (long) (b[0] & 0xff);
                });
            case "ORD":
                return strictN(a, v -> {
                    byte[] b = str(v[0]).isEmpty() ? new byte[0]
                            : new String(Character.toChars(str(v[0]).codePointAt(0))).getBytes(StandardCharsets.UTF_8);
                    long r = 0;
                    for (byte x : b) {
                        r = r * 256 + (x & 0xff);
                    }
                    return r;
                });
            case "CHAR":
                return (row, ctx) -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    for (Expr e : a) {
                        Object v = e.eval(row, ctx);
                        if (v == null) {
                            continue;
                        }
                        long n = Values.toLong(v) & 0xffffffffL;
                        byte[] be = BigInteger.valueOf(n).toByteArray();
                        int skip = be.length > 1 && be[0] == 0 ? 1 : 0;
                        out.write(be, skip, be.length - skip);
                    }
                    return out.toByteArray();
                };
            case "HEX": {
                // a string's bytes in its character set
                org.apache.calcite.rel.type.RelDataType type = call.getOperands().get(0).getType();
                return strictN(a, v -> v[0] instanceof String s ? hex(CharsetConversion.bytesOf(s, type)) : hex(v[0]));
            }
            case "SCION_YEAR":
                // CAST(x AS YEAR): MySqlLiteralRewriter turns the cast into this call
                return (row, ctx) -> YearCast.of(a[0].eval(row, ctx), ctx.session());
            case "SCION_BINARY":
                // BINARY expr: the value's bytes (a string's UTF-8); a function, so Calcite folds no literal into
                // a binary literal of its own (it would compare X'61' = 'a' as false)
                return strictN(a, v -> CharsetConversion.bytesOf(v[0], call.getOperands().get(0).getType()));
            case "UNHEX":
                return strictN(a, v -> {
                    String s = str(v[0]);
                    if (s.length() % 2 == 1) {
                        s = "0" + s;
                    }
                    try {
                        return HexFormat.of().parseHex(s);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                });
            case "BIN":
                return strictN(a, v -> Long.toBinaryString(Values.toLong(v[0])));
            case "OCT":
                return strictN(a, v -> Long.toOctalString(Values.toLong(v[0])));
            case "CONV":
                return strictN(a, v -> conv(str(v[0]), (int) Values.toLong(v[1]), (int) Values.toLong(v[2])));
            case "SUBSTRING_INDEX":
                return strictN(a, v -> substringIndex(str(v[0]), str(v[1]), Values.toLong(v[2])));
            case "FIELD":
                return (row, ctx) -> {
                    Object x = a[0].eval(row, ctx);
                    if (x == null) {
                        return 0L;
                    }
                    for (int i = 1; i < a.length; i++) {
                        Object y = a[i].eval(row, ctx);
                        if (y != null && Values.compare(x, y) == 0) {
                            return (long) i;
                        }
                    }
                    return 0L;
                };
            case "ELT":
                return (row, ctx) -> {
                    Object n = a[0].eval(row, ctx);
                    if (n == null) {
                        return null;
                    }
                    long i = Values.toLong(n);
                    return i < 1 || i >= a.length ? null : a[(int) i].eval(row, ctx);
                };
            case "FIND_IN_SET":
                return strictN(a, v -> {
                    String[] parts = str(v[1]).split(",", -1);
                    String s = str(v[0]);
                    if (str(v[1]).isEmpty()) {
                        return 0L;
                    }
                    for (int i = 0; i < parts.length; i++) {
                        if (parts[i].equalsIgnoreCase(s)) {
                            return (long) i + 1;
                        }
                    }
                    return 0L;
                });
            case "STRCMP":
                return strictN(a, v -> (long) Integer.signum(str(v[0]).compareToIgnoreCase(str(v[1]))));
            case "LOCATE":
                return strictN(a, v -> locate(str(v[0]), str(v[1]), v.length > 2 ? Values.toLong(v[2]) : 1));
            case "INSTR":
                return strictN(a, v -> locate(str(v[1]), str(v[0]), 1));
            case "INSERT":
                return strictN(a, v -> insert(str(v[0]), Values.toLong(v[1]), Values.toLong(v[2]), str(v[3])));
            case "MID":
                return strictN(a, v -> {
                    String s = str(v[0]);
                    long pos = Values.toLong(v[1]);
                    int start = pos > 0 ? (int) Math.min(pos - 1, s.length()) : pos < 0
                            ? Math.max(0, s.length() + (int) Math.max(pos, -s.length() - 1)) : s.length();
                    if (pos < -s.length()) {
                        return "";
                    }
                    long len = v.length > 2 ? Values.toLong(v[2]) : Integer.MAX_VALUE;
                    return len <= 0 ? "" : s.substring(start, (int) Math.min(s.length(), start + len));
                });
            case "QUOTE":
                return (row, ctx) -> {
                    Object v = a[0].eval(row, ctx);
                    if (v == null) {
                        return "NULL";
                    }
                    return "'" + str(v).replace("\\", "\\\\").replace("'", "\\'").replace("\0", "\\0")
                            .replace("\u001a", "\\Z") + "'";
                };
            case "BIT_LENGTH":
                return strictN(a, v -> (long) bytes(v[0]).length * 8);
            case "TO_BASE64":
                return strictN(a, v -> Base64.getEncoder().encodeToString(bytes(v[0])));
            case "FROM_BASE64":
                return strictN(a, v -> {
                    try {
                        return Base64.getDecoder().decode(str(v[0]).replaceAll("\\s", ""));
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                });
            case "MD5":
                return strictN(a, v -> digest("MD5", bytes(v[0])));
            case "SHA", "SHA1":
                return strictN(a, v -> digest("SHA-1", bytes(v[0])));
            case "SHA2":
                return strictN(a, v -> {
                    long bits = Values.toLong(v[1]);
                    String alg = bits == 0 || bits == 256 ? "SHA-256" : bits == 224 ? "SHA-224"
                            : bits == 384 ? "SHA-384" : bits == 512 ? "SHA-512" : null;
                    return alg == null ? null : digest(alg, bytes(v[0]));
                });
            case "CRC32":
                return strictN(a, v -> {
                    CRC32 crc = new CRC32();
                    crc.update(bytes(v[0]));
                    return crc.getValue();
                });
            case "MOD":
                return strictN(a, v -> Values.mod(v[0], v[1]));
            case "POWER", "POW":
                return strictN(a, v -> finite(Math.pow(Values.toDouble(v[0]), Values.toDouble(v[1])), "pow", v));
            case "SQRT":
                return strictN(a, v -> nanToNull(Math.sqrt(Values.toDouble(v[0]))));
            case "EXP":
                return strictN(a, v -> finite(Math.exp(Values.toDouble(v[0])), "exp", v));
            case "LN":
                return strictN(a, v -> log(Values.toDouble(v[0])));
            case "LOG":
                return strictN(a, v -> v.length == 1 ? log(Values.toDouble(v[0]))
                        : Values.toDouble(v[0]) <= 0 || Values.toDouble(v[0]) == 1 ? null
                        : divideNullable(log(Values.toDouble(v[1])), Math.log(Values.toDouble(v[0]))));
            case "LOG10":
                return strictN(a, v -> Values.toDouble(v[0]) <= 0 ? null : (Object) Math.log10(Values.toDouble(v[0])));
            case "LOG2":
                return strictN(a, v -> divideNullable(log(Values.toDouble(v[0])), Math.log(2)));
            case "SIGN":
                return strictN(a, v -> (long) Integer.signum(Values.compare(v[0], 0L)));
            case "PI":
                return (row, ctx) -> Math.PI;
            case "SIN":
                return strictN(a, v -> Math.sin(Values.toDouble(v[0])));
            case "COS":
                return strictN(a, v -> Math.cos(Values.toDouble(v[0])));
            case "TAN":
                return strictN(a, v -> Math.tan(Values.toDouble(v[0])));
            case "COT":
                return strictN(a, v -> finite(1.0 / Math.tan(Values.toDouble(v[0])), "cot", v));
            case "ASIN":
                return strictN(a, v -> nanToNull(Math.asin(Values.toDouble(v[0]))));
            case "ACOS":
                return strictN(a, v -> nanToNull(Math.acos(Values.toDouble(v[0]))));
            case "ATAN":
                return strictN(a, v -> v.length > 1 ? Math.atan2(Values.toDouble(v[0]), Values.toDouble(v[1]))
                        : Math.atan(Values.toDouble(v[0])));
            case "ATAN2":
                return strictN(a, v -> Math.atan2(Values.toDouble(v[0]), Values.toDouble(v[1])));
            case "DEGREES":
                return strictN(a, v -> Math.toDegrees(Values.toDouble(v[0])));
            case "RADIANS":
                return strictN(a, v -> Math.toRadians(Values.toDouble(v[0])));
            case "RAND":
                return a.length == 0 ? (row, ctx) -> ThreadLocalRandom.current().nextDouble()
                        : SeededRandom.compile(a[0], call.getOperands().get(0) instanceof RexLiteral);
            case "TRUNCATE":
                if (a.length != 2) {
                    throw new SqlError(ErrorCode.WRONG_PARAMCOUNT_TO_NATIVE_FCT,
                            "Incorrect parameter count in the call to native function 'truncate'");
                }
                return (row, ctx) -> strictN(a, v -> truncate(v[0], IntegerArgument.prefix(v[1], ctx))).eval(row, ctx);
            default:
                Expr time = TimeFunctions.compile(name, a);
                return time != null ? time : DateFunctions.compile(name, call, a);
        }
    }

    /** A function of evaluated arguments that is NULL when any argument is NULL. */
    interface Body {
        Object apply(Object[] v);
    }

    static Expr strictN(Expr[] a, Body body) {
        return (row, ctx) -> {
            Object[] v = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                v[i] = a[i].eval(row, ctx);
                if (v[i] == null) {
                    return null;
                }
            }
            return body.apply(v);
        };
    }

    static String str(Object v) {
        return Values.toStringValue(v);
    }

    static byte[] bytes(Object v) {
        return v instanceof byte[] b ? b : ByteStrings.bytes(str(v));
    }

    private static Object extreme(Object[] v, int sign) {
        boolean anyString = false;
        boolean allString = true;
        boolean numbersAndStrings = true;
        for (Object o : v) {
            boolean s = o instanceof String || o instanceof byte[];
            anyString |= s;
            allString &= s;
            numbersAndStrings &= s || o instanceof Number;
        }
        boolean asDouble = anyString && !allString && numbersAndStrings;
        Object best = v[0];
        for (int i = 1; i < v.length; i++) {
            int c = allString ? str(v[i]).compareToIgnoreCase(str(best))
                    : asDouble ? Double.compare(Values.toDouble(v[i]), Values.toDouble(best))
                    : Values.compare(v[i], best);
            if (Integer.signum(c) == sign) {
                best = v[i];
            }
        }
        if (anyString && !allString && (numbersAndStrings || best instanceof String)) {
            return Values.toDouble(best); // numbers and strings were compared as DOUBLE, and that is the result
        }
        return best;
    }

    private static String trim(String flag, String chars, String s) {
        if (chars.isEmpty()) {
            return s;
        }
        int start = 0;
        int end = s.length();
        if (!flag.equals("TRAILING")) {
            while (s.startsWith(chars, start)) {
                start += chars.length();
            }
        }
        if (!flag.equals("LEADING")) {
            while (end - chars.length() >= start && s.startsWith(chars, end - chars.length())) {
                end -= chars.length();
            }
        }
        return s.substring(start, end);
    }

    private static String pad(String s, long len, String with, boolean left) {
        if (len < 0) {
            return null;
        }
        int n = (int) Math.min(len, 16_777_216L);
        if (s.length() >= n) {
            return s.substring(0, n);
        }
        if (with.isEmpty()) {
            return null;
        }
        StringBuilder fill = new StringBuilder();
        while (fill.length() < n - s.length()) {
            fill.append(with);
        }
        fill.setLength(n - s.length());
        return left ? fill + s : s + fill;
    }

    private static String hex(Object v) {
        if (v instanceof String || v instanceof byte[]) {
            return HexFormat.of().withUpperCase().formatHex(bytes(v));
        }
        if (v instanceof Double || v instanceof BigDecimal || v instanceof Float) {
            BigDecimal d = Values.toDecimal(v).setScale(0, RoundingMode.HALF_UP);
            return d.toBigInteger().toString(16).toUpperCase(Locale.ROOT);
        }
        return Long.toHexString(Values.toLong(v)).toUpperCase(Locale.ROOT);
    }

    private static String conv(String s, int from, int to) {
        int fromBase = Math.abs(from);
        int toBase = Math.abs(to);
        if (fromBase < 2 || fromBase > 36 || toBase < 2 || toBase > 36) {
            return null;
        }
        String t = s.strip();
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        int end = 0;
        while (end < t.length() && Character.digit(t.charAt(end), fromBase) >= 0) {
            end++;
        }
        BigInteger n = end == 0 ? BigInteger.ZERO : new BigInteger(t.substring(0, end), fromBase);
        if (negative) {
            n = to < 0 ? n.negate() : BigInteger.ONE.shiftLeft(64).subtract(n);
        }
        return n.toString(toBase).toUpperCase(Locale.ROOT);
    }

    private static String substringIndex(String s, String delim, long count) {
        if (delim.isEmpty() || count == 0) {
            return "";
        }
        if (count > 0) {
            int at = -1;
            for (long i = 0; i < count; i++) {
                at = s.indexOf(delim, at + (i == 0 ? 1 : delim.length()));
                if (at < 0) {
                    return s;
                }
            }
            return s.substring(0, at);
        }
        int at = s.length();
        for (long i = 0; i < -count; i++) {
            at = s.lastIndexOf(delim, at - (i == 0 ? delim.length() : 1) );
            if (at < 0) {
                return s;
            }
        }
        return s.substring(at + delim.length());
    }

    private static long locate(String needle, String hay, long from) {
        if (from < 1 || from > hay.length() + 1) {
            return 0;
        }
        int at = hay.toLowerCase(Locale.ROOT).indexOf(needle.toLowerCase(Locale.ROOT), (int) from - 1);
        return at + 1;
    }

    private static String insert(String s, long pos, long len, String with) {
        if (pos < 1 || pos > s.length()) {
            return s;
        }
        int start = (int) pos - 1;
        int end = len < 0 || start + len > s.length() ? s.length() : (int) (start + len);
        return s.substring(0, start) + with + s.substring(end);
    }

    /**
     * SLEEP(seconds): 0 after the pause, 1 when interrupted (KILL QUERY). NULL or a negative time is MySQL 8's
     * error 1210 under a strict sql_mode, else a warning and no pause.
     */
    private static Object sleep(Object v, dev.scion.sql.exec.ExecContext ctx) {
        double seconds = v == null ? -1 : Values.toDouble(v);
        if (seconds < 0) {
            String message = "Incorrect arguments to sleep.";
            if (dev.scion.sql.dml.ColumnValues.strict(ctx.session())) {
                throw new dev.scion.sql.error.SqlError(dev.scion.sql.error.ErrorCode.WRONG_ARGUMENTS, message);
            }
            ctx.session().addWarning(dev.scion.sql.error.ErrorCode.WRONG_ARGUMENTS.code(), message);
            return 0L;
        }
        try {
            Thread.sleep((long) Math.min(seconds * 1000, Long.MAX_VALUE / 2));
            return 0L;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1L;
        }
    }

    private static String digest(String alg, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg, e);
        }
    }

    private static Object log(double x) {
        return x <= 0 ? null : (Object) Math.log(x);
    }

    private static Object divideNullable(Object x, double by) {
        return x == null ? null : (Object) ((Double) x / by);
    }

    /**
     * A double function's result, or MySQL's 1690 when it is not a finite number (pow(-8, 1/3), exp(1000), cot(0)):
     * MySQL never returns NaN or infinity.
     */
    private static double finite(double d, String function, Object[] args) {
        if (Double.isFinite(d)) {
            return d;
        }
        StringBuilder call = new StringBuilder(function).append('(');
        for (int i = 0; i < args.length; i++) {
            call.append(i == 0 ? "" : ",").append(Values.toStringValue(args[i]));
        }
        throw new SqlError(ErrorCode.DATA_OUT_OF_RANGE, "DOUBLE value is out of range in '" + call + ")'");
    }

    /** MySQL's bit operators give BIGINT UNSIGNED: 64 bits read as an unsigned number (-2 & -3 is 2^64 - 4). */
    /** A 64-bit shift; a count of 64 or more (read unsigned, so a negative one too) shifts every bit out. */
    private static long shift(long bits, long count, boolean left) {
        if (count < 0 || count >= 64) {
            return 0;
        }
        return left ? bits << count : bits >>> count;
    }

    private static Object unsigned(long bits) {
        return bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
    }

    private static Object nanToNull(double d) {
        return Double.isNaN(d) ? null : (Object) d;
    }

    private static Object truncate(Object v, long places) {
        int d = (int) Math.max(-64, Math.min(places, 30));
        if (v instanceof Long l) {
            if (d >= 0) {
                return l;
            }
            return BigDecimal.valueOf(l).setScale(d, RoundingMode.DOWN).longValue();
        }
        if (v instanceof Double x) {
            return new BigDecimal(Double.toString(x)).setScale(d, RoundingMode.DOWN).doubleValue();
        }
        BigDecimal dec = Values.toDecimal(v).setScale(d, RoundingMode.DOWN);
        return v instanceof String ? (Object) dec.doubleValue() : d < 0 ? dec.setScale(0, RoundingMode.DOWN) : dec;
    }
}
