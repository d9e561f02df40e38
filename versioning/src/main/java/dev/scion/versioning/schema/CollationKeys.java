package dev.scion.versioning.schema;

import dev.scion.storage.tuple.FieldType;
import dev.scion.storage.tuple.SortKeyFunction;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a collation does to a string when strings are compared, in one place for the SQL layer's comparisons and
 * for index keys ({@link IndexDef#collatedKeys}): both must agree, or a unique index would accept what a
 * {@code WHERE c = ...} calls equal. Collations are named as MySQL names them; null is Scion's default
 * {@code utf8mb4_0900_bin}.
 *
 * <ul>
 *   <li>Bytewise (no sort key): the default, {@code binary} and the {@code _cs} ones compare code points.</li>
 *   <li>PAD SPACE: every collation except {@code binary} and the {@code _0900_} family ignores trailing spaces.</li>
 *   <li>{@code _ci}: case and accents are folded (NFD with the combining marks removed, then upper case, so 'ß'
 *   is 'SS' as in the UCA collations; the general_ci ones and latin1_german1_ci weigh it as one 'S', session
 *   18); {@code utf8mb3_tolower_ci} (MySQL's for names in its data dictionary) only lower-cases; the
 *   {@code _spanish_} ones keep ñ a letter of its own after n.</li>
 * </ul>
 *
 * <p>The sort key is the UTF-8 of the folded text, whose byte order is its code point order. Keys written with it
 * are compared with keys written later, so this function is part of the storage format: changing what it returns
 * for any string breaks existing collated indexes.
 */
public final class CollationKeys {
    private static final Map<String, SortKeyFunction> FUNCTIONS = new ConcurrentHashMap<>();
    /** {@code utf8mb3_tolower_ci}, the one {@code _ci} collation that folds case only, to lower case. */
    private static final String LOWER_CASE_ONLY = "utf8mb3_tolower_ci";

    private CollationKeys() {
    }

    /** True when strings compare under {@code collation} exactly as their code points (and UTF-8 bytes) do. */
    public static boolean bytewise(String collation) {
        return collation == null || collation.equals("utf8mb4_0900_bin") || collation.equals("binary")
                || collation.endsWith("_cs");
    }

    /** PAD SPACE collations ignore trailing spaces (every non-bytewise one outside the {@code _0900_} family). */
    public static boolean padsSpace(String collation) {
        return !bytewise(collation) && !collation.contains("_0900_");
    }

    public static boolean caseInsensitive(String collation) {
        return collation != null && collation.endsWith("_ci");
    }

    /**
     * The text two strings compare equal under {@code collation} exactly when their sort texts are equal, and order
     * as their sort texts do by code point.
     */
    public static String sortText(String collation, String s) {
        if (bytewise(collation)) {
            return s;
        }
        String out = s;
        if (padsSpace(collation)) {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out = out.substring(0, end);
        }
        if (!caseInsensitive(collation)) {
            return out;
        }
        // MySQL's data-dictionary collation for identifiers only lower-cases; accents stay
        if (collation.equals(LOWER_CASE_ONLY)) {
            return out.toLowerCase(Locale.ROOT);
        }
        String sharp = sharpSIsS(collation) ? out.replace('\u00DF', 's') : out;
        return collation.contains("_spanish_") ? foldSpanish(sharp) : fold(sharp);
    }

    /**
     * Spanish folding: as {@link #fold}, except that ñ is a letter of its own sorting after n (so 'ñ' = 'Ñ' but
     * 'ñ' != 'n', and 'nz' < 'ña' < 'o'): it becomes N followed by U+FFFF, above every letter that can follow N.
     */
    private static String foldSpanish(String s) {
        String composed = Normalizer.normalize(s, Normalizer.Form.NFC);
        if (composed.indexOf('ñ') < 0 && composed.indexOf('Ñ') < 0) {
            return fold(s);
        }
        return fold(composed.replace('ñ', '\uE000').replace('Ñ', '\uE000')).replace("\uE000", "N\uFFFF");
    }

    /**
     * Whether 'ß' weighs as one 's' under the collation, as MySQL documents for the general_ci collations and
     * latin1_german1_ci: the UCA ones (unicode_ci, 0900_ai_ci) expand it to 'ss', which is what upper-casing it
     * does. (latin1_swedish_ci and latin1_general_ci give it weights of their own, which Scion does not model.)
     */
    private static boolean sharpSIsS(String collation) {
        return collation.endsWith("_general_ci") && !collation.equals("latin1_general_ci")
                || collation.equals("latin1_german1_ci");
    }

    /** The sort key function of {@code collation} for index keys; null when keys of the bytes already order right. */
    public static SortKeyFunction sortKey(String collation) {
        if (bytewise(collation)) {
            return null;
        }
        return FUNCTIONS.computeIfAbsent(collation,
                c -> s -> sortText(c, s).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key function for a column of {@code type}: only text stored as STRING has one. */
    public static SortKeyFunction sortKeyOf(ColumnType type) {
        return type.fieldType() == FieldType.STRING ? sortKey(type.collation()) : null;
    }

    /** Upper case without accents: 'é' and 'E' both become 'E'. */
    private static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        String base = ascii ? s : Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return base.toUpperCase(Locale.ROOT);
    }
}
