package dev.scion.versioning.schema;

import java.util.List;

/**
 * The mapping between ENUM/SET members and the numbers MySQL stores for them. An ENUM value is its member's
 * 1-based index (0 is the '' error value non-strict mode inserts); a SET value is a bit mask, bit i for member i.
 * Members are matched under the column's collation (case-insensitively only under a {@code _ci} one, so
 * {@code SET('a') COLLATE utf8mb4_0900_bin} takes no 'A'), with trailing spaces ignored: MySQL strips them from
 * member definitions.
 */
public final class ChoiceValues {
    /** MySQL allows 64 SET members (one bit each) and 65535 ENUM members. */
    public static final int MAX_SET_MEMBERS = 64;

    private ChoiceValues() {
    }

    /** Whether values of this type are stored as member numbers. */
    public static boolean isChoice(ColumnType t) {
        return t.kind() == TypeKind.ENUM || t.kind() == TypeKind.SET;
    }

    /** The value for a stored number. */
    public static EnumSetValue fromNumber(ColumnType t, long number) {
        return new EnumSetValue(number, text(t, number));
    }

    /** The text of a member number (ENUM) or bit mask (SET); the text of numbers outside the type is ''. */
    public static String text(ColumnType t, long number) {
        List<String> members = t.values();
        if (t.kind() == TypeKind.ENUM) {
            return number >= 1 && number <= members.size() ? members.get((int) number - 1) : "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < members.size() && i < MAX_SET_MEMBERS; i++) {
            if ((number & (1L << i)) != 0) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(members.get(i));
            }
        }
        return sb.toString();
    }

    /**
     * The number for a text value, or -1 if it names no member (ENUM) or any unknown member (SET). The empty
     * string is the empty SET (0) but no ENUM member, unless the ENUM declares ''.
     */
    public static long numberOf(ColumnType t, String text) {
        List<String> members = t.values();
        if (t.kind() == TypeKind.ENUM) {
            int i = indexOf(t, text);
            return i < 0 ? -1 : i + 1;
        }
        if (text.isEmpty()) {
            return 0;
        }
        long bits = 0;
        for (String part : text.split(",", -1)) {
            int i = indexOf(t, part);
            if (i < 0) {
                return -1;
            }
            bits |= 1L << i;
        }
        return bits;
    }

    /** Whether a number is a valid ENUM index (1..n) or SET mask (only declared members' bits). */
    public static boolean validNumber(ColumnType t, long number) {
        int n = t.values().size();
        if (t.kind() == TypeKind.ENUM) {
            return number >= 1 && number <= n;
        }
        return n >= MAX_SET_MEMBERS || (number >= 0 && number < (1L << n));
    }

    private static int indexOf(ColumnType t, String text) {
        List<String> members = t.values();
        String wanted = memberKey(t.collation(), text);
        for (int i = 0; i < members.size(); i++) {
            if (memberKey(t.collation(), members.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first member that equals an earlier one under {@code collation} (MySQL's 1291 "duplicated value"), or
     * null when all are distinct.
     */
    public static String firstDuplicate(List<String> members, String collation) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String m : members) {
            if (!seen.add(memberKey(collation, m))) {
                return m;
            }
        }
        return null;
    }

    /** What a member or a value is compared by: its text without trailing spaces, folded as the collation folds. */
    private static String memberKey(String collation, String text) {
        return CollationKeys.sortText(collation, stripTrailingSpaces(text));
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The form a row value is stored in: ENUM/SET values become their numbers; everything else is unchanged. */
    public static Object toStored(ColumnType t, Object v) {
        if (!isChoice(t)) {
            return v;
        }
        if (v instanceof EnumSetValue e) {
            return e.number();
        }
        if (v instanceof String s) {
            long n = numberOf(t, s);
            if (n < 0) {
                throw new IllegalArgumentException("'" + s + "' is not a member of " + t.sqlName());
            }
            return n;
        }
        return v;
    }

    /** The row value for a stored ENUM/SET number. */
    public static Object fromStored(ColumnType t, Object v) {
        return isChoice(t) && v instanceof Number n ? fromNumber(t, n.longValue()) : v;
    }
}
