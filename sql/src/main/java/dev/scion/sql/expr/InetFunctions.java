package dev.scion.sql.expr;

/**
 * MySQL's address functions: INET_ATON / INET_NTOA (IPv4 as an integer), INET6_ATON / INET6_NTOA (IPv4 as 4 bytes,
 * IPv6 as 16), IS_IPV4, IS_IPV6, IS_IPV4_COMPAT and IS_IPV4_MAPPED. Text that is not an address gives NULL (the
 * ATON and NTOA functions) or 0 (the IS_ functions); a NULL argument gives NULL, except that IS_ functions
 * answer 0.
 */
final class InetFunctions {
    private static final long MAX_IPV4 = 0xFFFFFFFFL;

    private InetFunctions() {
    }

    /** The compiled call, or null if {@code name} is not one of these functions. */
    static Expr compile(String name, Expr[] a) {
        return switch (name) {
            case "INET_ATON" -> BuiltinFunctions.strictN(a, v -> InetText.ipv4Number(Values.toStringValue(v[0])));
            case "INET_NTOA" -> BuiltinFunctions.strictN(a, v -> {
                long n = Values.toLong(v[0]);
                if (n < 0 || n > MAX_IPV4) {
                    return null;
                }
                return (n >>> 24) + "." + (n >>> 16 & 255) + "." + (n >>> 8 & 255) + "." + (n & 255);
            });
            case "INET6_ATON" -> BuiltinFunctions.strictN(a, v -> {
                String s = Values.toStringValue(v[0]);
                byte[] v4 = InetText.ipv4(s);
                return v4 != null ? v4 : InetText.ipv6(s);
            });
            case "INET6_NTOA" -> BuiltinFunctions.strictN(a, v -> {
                if (!(v[0] instanceof byte[] b)) {
                    return null; // MySQL takes only binary strings here: text is never an address
                }
                return b.length == 4 ? InetText.ipv4Text(b, 0) : b.length == 16 ? InetText.ipv6Text(b) : null;
            });
            case "IS_IPV4" -> test(a, v -> !(v instanceof byte[]) && InetText.ipv4(Values.toStringValue(v)) != null);
            case "IS_IPV6" -> test(a, v -> !(v instanceof byte[]) && InetText.ipv6(Values.toStringValue(v)) != null);
            case "IS_IPV4_COMPAT" -> test(a, v -> v instanceof byte[] b && b.length == 16 && zeros(b, 12));
            case "IS_IPV4_MAPPED" -> test(a, v -> v instanceof byte[] b && b.length == 16 && zeros(b, 10)
                    && b[10] == (byte) 0xff && b[11] == (byte) 0xff);
            default -> null;
        };
    }

    private interface Test {
        boolean holds(Object v);
    }

    private static Expr test(Expr[] a, Test t) {
        return (row, ctx) -> {
            Object v = a[0].eval(row, ctx);
            return v != null && t.holds(v) ? 1L : 0L;
        };
    }

    private static boolean zeros(byte[] b, int count) {
        for (int i = 0; i < count; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
