package dev.scion.sql.parser;

import dev.scion.sql.catalog.CharsetEncoding;
import dev.scion.sql.catalog.Collations;
import dev.scion.sql.expr.TextCollation;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Character-set introducers: {@code _latin1'abc'}, {@code _utf16 X'0061'}, {@code _binary'abc'}. The literal's
 * bytes (a quoted string's as the client sent them, UTF-8, or a hex or bit literal's) are read as text of the named
 * character set, and the literal gets that set's default collation, coercible like any literal. The lexer
 * (CommonTokenAction) rewrites the token to the decoded text and leaves the set's name in front of it as a special
 * token, which the parser's string-literal rule reads back ({@link #literal}); {@code _binary} makes a binary
 * literal. Where the grammar takes a plain string (DDL, SET), only the decoded text counts.
 */
public final class CharsetIntroducers {
    private CharsetIntroducers() {
    }

    /** The character set an introduced token image names ({@code _utf8'x'} is utf8mb3), lower case. */
    public static String charsetOf(String image) {
        String name = image.substring(1, 1 + nameLength(image)).toLowerCase(Locale.ROOT);
        return name.equals("utf8") ? "utf8mb3" : name;
    }

    /** The bytes the literal after the introducer spells: a quoted string's UTF-8, a hex or bit literal's bytes. */
    public static byte[] bytesOf(String image) {
        String body = image.substring(1 + nameLength(image)).strip();
        char first = Character.toLowerCase(body.charAt(0));
        if (first == 'x' || body.startsWith("0x") || body.startsWith("0X")) {
            String digits = first == 'x' ? body.substring(2, body.length() - 1) : body.substring(2);
            return HexFormat.of().parseHex(digits.length() % 2 == 1 ? "0" + digits : digits);
        }
        if (first == 'b' || body.startsWith("0b")) {
            String hex = MySqlLiterals.bitsToBinaryLiteral(body);
            return HexFormat.of().parseHex(hex.substring(2, hex.length() - 1));
        }
        String quoted = MySqlLiterals.toStandardQuoted(body);
        return quoted.substring(1, quoted.length() - 1).replace("''", "'").getBytes(StandardCharsets.UTF_8);
    }

    private static int nameLength(String image) {
        int end = 1;
        while (end < image.length() && Character.isLetterOrDigit(image.charAt(end))) {
            end++;
        }
        return end - 1;
    }

    /** The token image of the literal: {@code X'..'} for {@code _binary}, else the decoded text, quoted. */
    public static String standardImage(String charset, byte[] bytes) {
        if (charset.equals("binary")) {
            return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
        }
        Charset encoding = CharsetEncoding.of(Collations.requireCharset(charset).name());
        int width = charset.equals("utf32") ? 4 : charset.startsWith("utf16") || charset.equals("ucs2") ? 2 : 1;
        if (bytes.length % width != 0) {
            // MySQL pads a short multi-byte literal on the left with zero bytes
            byte[] padded = new byte[bytes.length + width - bytes.length % width];
            System.arraycopy(bytes, 0, padded, padded.length - bytes.length, bytes.length);
            bytes = padded;
        }
        return "'" + new String(bytes, encoding).replace("'", "''") + "'";
    }

    /**
     * The string literal the parser makes of {@code value}: with {@code introducer} (the special token's image, or
     * null) it carries the introduced set's default collation.
     */
    public static SqlLiteral literal(String introducer, String value, String charSet, SqlParserPos pos) {
        if (introducer == null || charSet != null) {
            return SqlLiteral.createCharString(value, charSet, pos);
        }
        return collated(value, Collations.defaultOf(charsetOf(introducer)), pos);
    }

    /** A string literal of {@code collation} (a MySQL name), coercible as literals are. */
    public static SqlLiteral collated(String value, String collation, SqlParserPos pos) {
        SqlCollation c = TextCollation.collation(collation, SqlCollation.Coercibility.COERCIBLE);
        return new Collated(new NlsString(value, null, c), pos);
    }

    /** A string literal carrying a collation (SqlCharStringLiteral's constructor is protected). */
    private static final class Collated extends SqlCharStringLiteral {
        Collated(NlsString value, SqlParserPos pos) {
            super(value, pos);
        }
    }
}
