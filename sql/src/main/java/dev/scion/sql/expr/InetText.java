package dev.scion.sql.expr;

/**
 * IPv4 and IPv6 addresses as MySQL's INET functions read and write them. Parsing is done here, never by
 * java.net.InetAddress, which would resolve a host name through DNS.
 */
final class InetText {
    private InetText() {
    }

    /**
     * INET_ATON's lenient reading: up to four dot-separated numbers of 0-255, missing middle parts are zeros
     * ('127.1' is 127.0.0.1); null when the text is anything else (or ends with a dot).
     */
    static Long ipv4Number(String s) {
        if (s.isEmpty() || s.endsWith(".")) {
            return null;
        }
        long result = 0;
        long part = 0;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
                if (part > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (++dots > 3) {
                    return null;
                }
                result = (result << 8) + part;
                part = 0;
            } else {
                return null;
            }
        }
        for (int i = dots; i < 3 && dots > 0; i++) {
            result <<= 8;
        }
        return (result << 8) + part;
    }

    /** The four bytes of a strict dotted quad (exactly four parts of 1-3 digits, each at most 255), or null. */
    static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int n = Integer.parseInt(p);
            if (n > 255) {
                return null;
            }
            out[i] = (byte) n;
        }
        return out;
    }

    /** The 16 bytes of an IPv6 address (groups of 1-4 hex digits, one '::', an IPv4 tail allowed), or null. */
    static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? s : s.substring(0, gap);
        String tail = gap < 0 ? "" : s.substring(gap + 2);
        int[] front = groups(head, gap < 0);
        int[] back = gap < 0 ? new int[0] : groups(tail, true);
        if (front == null || back == null) {
            return null;
        }
        int words = front.length + back.length;
        if (gap < 0 ? words != 8 : words > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < front.length; i++) {
            out[2 * i] = (byte) (front[i] >> 8);
            out[2 * i + 1] = (byte) front[i];
        }
        for (int i = 0; i < back.length; i++) {
            int at = 8 - back.length + i;
            out[2 * at] = (byte) (back[i] >> 8);
            out[2 * at + 1] = (byte) back[i];
        }
        return out;
    }

    /** The 16-bit words of a ':'-separated part; a dotted quad may end the last part (two words). */
    private static int[] groups(String part, boolean mayEndInIpv4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] g = part.split(":", -1);
        int[] words = new int[g.length + 1];
        int n = 0;
        for (int i = 0; i < g.length; i++) {
            String w = g[i];
            if (i == g.length - 1 && mayEndInIpv4 && w.indexOf('.') >= 0) {
                byte[] v4 = ipv4(w);
                if (v4 == null) {
                    return null;
                }
                words[n++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                words[n++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
                continue;
            }
            if (w.isEmpty() || w.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < w.length(); k++) {
                int digit = Character.digit(w.charAt(k), 16);
                if (digit < 0) {
                    return null;
                }
                value = value << 4 | digit;
            }
            words[n++] = value;
        }
        return java.util.Arrays.copyOf(words, n);
    }

    static String ipv4Text(byte[] b, int from) {
        return (b[from] & 0xff) + "." + (b[from + 1] & 0xff) + "." + (b[from + 2] & 0xff) + "." + (b[from + 3] & 0xff);
    }

    /**
     * MySQL's text of 16 bytes: lower-case hex words without leading zeros, the longest run of two or more zero
     * words as '::' (the first such run on a tie), and an IPv4 tail for IPv4-compatible (::a.b.c.d) and mapped
     * (::ffff:a.b.c.d) addresses.
     */
    static String ipv6Text(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int gapStart = -1;
        int gapLength = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > gapLength) {
                gapStart = i;
                gapLength = j - i;
            }
            i = j;
        }
        if (gapLength < 2) {
            gapStart = -1;
        }
        if (gapStart == 0 && (gapLength == 6 || gapLength == 5 && w[5] == 0xffff)) {
            return (gapLength == 5 ? "::ffff:" : "::") + ipv4Text(b, 12);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == gapStart) {
                out.append("::");
                i += gapLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(w[i]));
        }
        return out.toString();
    }
}
