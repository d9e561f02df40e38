package dev.scion.sql.expr;

import java.util.HexFormat;

/**
 * A UUID's text and its 16 bytes, as MySQL's UUID_TO_BIN / BIN_TO_UUID / IS_UUID read and write them: 32 hex
 * digits, optionally grouped 8-4-4-4-12 by dashes, the dashed form optionally in braces. The swapped byte order
 * puts the time-high group first, so version-1 UUIDs sort by time as binary keys.
 */
public final class UuidText {
    private UuidText() {
    }

    /** The 16 bytes of a UUID's text, or null when the text is not a UUID MySQL accepts. */
    public static byte[] parse(String s) {
        String body = s;
        if (body.length() == 38 && body.charAt(0) == '{' && body.charAt(37) == '}') {
            body = body.substring(1, 37);
        }
        String hex;
        if (body.length() == 36) {
            if (body.charAt(8) != '-' || body.charAt(13) != '-' || body.charAt(18) != '-' || body.charAt(23) != '-') {
                return null;
            }
            hex = body.substring(0, 8) + body.substring(9, 13) + body.substring(14, 18) + body.substring(19, 23)
                    + body.substring(24);
        } else if (body.length() == 32 && body == s) {
            hex = body;
        } else {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return null;
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    /** The dashed lower-case text of 16 bytes. */
    public static String format(byte[] bin) {
        String hex = HexFormat.of().formatHex(bin);
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }

    /** time-low time-mid time-high rest → time-high time-mid time-low rest. */
    public static byte[] swap(byte[] b) {
        byte[] out = b.clone();
        System.arraycopy(b, 6, out, 0, 2);
        System.arraycopy(b, 4, out, 2, 2);
        System.arraycopy(b, 0, out, 4, 4);
        return out;
    }

    /** The inverse of {@link #swap}. */
    public static byte[] unswap(byte[] b) {
        byte[] out = b.clone();
        System.arraycopy(b, 4, out, 0, 4);
        System.arraycopy(b, 2, out, 4, 2);
        System.arraycopy(b, 0, out, 6, 2);
        return out;
    }

}
