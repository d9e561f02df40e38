package dev.scion.sql.parser;

/**
 * Lexer helpers: rewrite MySQL literal token images into the standard SQL form that Calcite's
 * stock parser productions decode ({@code 'it''s'}, {@code X'0A'}). Called from the generated
 * token manager's {@code CommonTokenAction}.
 */
public final class MySqlLiterals {
  private MySqlLiterals() {}

  /**
   * Converts a MySQL quoted string token image ({@code 'a\'b'}, {@code "x""y"}, optionally
   * preceded by a character-set introducer such as {@code _utf8mb4 }) to a standard
   * single-quoted literal whose only escape is a doubled quote.
   */
  public static String toStandardQuoted(String image) {
    int start = 0;
    while (start < image.length()) {
      char c = image.charAt(start);
      if (c == '\'' || c == '"') {
        break;
      }
      start++;
    }
    final char quote = image.charAt(start);
    final int end = image.length() - 1; // closing quote
    final StringBuilder b = new StringBuilder(end - start + 2);
    b.append('\'');
    for (int i = start + 1; i < end; i++) {
      char c = image.charAt(i);
      if (c == '\\' && i + 1 < end) {
        char n = image.charAt(++i);
        switch (n) {
        case '0': c = '\0'; break;
        case 'b': c = '\b'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'Z': c = '\u001A'; break;
        case '%':
        case '_':
          // MySQL keeps the backslash so that LIKE patterns still see an escaped wildcard.
          b.append('\\');
          c = n;
          break;
        default: c = n; break; // \\ \' \" and any other character stand for themselves
        }
      } else if (c == quote && i + 1 < end && image.charAt(i + 1) == quote) {
        i++; // doubled quote
      }
      if (c == '\'') {
        b.append('\'');
      }
      b.append(c);
    }
    return b.append('\'').toString();
  }

  /**
   * The literal {@code X'hex'} (hex digits without the quotes), decoded in one pass. Calcite's own
   * {@code createBinaryString(String)} parses the digits through BigInteger, quadratic in their
   * number. An odd number of digits is an error (NumberFormatException, as Calcite reports it).
   */
  public static org.apache.calcite.sql.SqlLiteral binaryString(String hex,
      org.apache.calcite.sql.parser.SqlParserPos pos) {
    if (hex.length() % 2 != 0) {
      throw new NumberFormatException("odd number of hex digits");
    }
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new NumberFormatException("not a hex digit in " + hex);
      }
      bytes[i] = (byte) (hi << 4 | lo);
    }
    return org.apache.calcite.sql.SqlLiteral.createBinaryString(bytes, pos);
  }

  /** The bytes of a binary string literal's bit string, in one pass (BitString's own goes through BigInteger). */
  public static byte[] bytesOf(org.apache.calcite.util.BitString bits) {
    String s = bits.toBitString();
    int n = s.length() / 8;
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      int v = 0;
      for (int j = 0; j < 8; j++) {
        v = v << 1 | (s.charAt(8 * i + j) - '0');
      }
      out[i] = (byte) v;
    }
    return out;
  }

  /** {@code 0xAF} to {@code X'AF'}; an odd number of digits gets a leading zero, as in MySQL. */
  public static String hexToBinaryLiteral(String image) {
    String digits = image.substring(2);
    if ((digits.length() & 1) == 1) {
      digits = "0" + digits;
    }
    return "X'" + digits + "'";
  }

  /** {@code b'0101'} or {@code 0b0101} to {@code X'05'}. */
  public static String bitsToBinaryLiteral(String image) {
    final String bits;
    if (image.charAt(0) == '0') {
      bits = image.substring(2);
    } else {
      bits = image.substring(2, image.length() - 1);
    }
    if (bits.isEmpty()) {
      return "X''";
    }
    final int nBytes = (bits.length() + 7) / 8;
    final StringBuilder b = new StringBuilder(4 + nBytes * 2).append("X'");
    final int pad = nBytes * 8 - bits.length();
    int acc = 0;
    for (int i = 0; i < nBytes * 8; i++) {
      int bit = i < pad ? 0 : bits.charAt(i - pad) - '0';
      acc = (acc << 1) | bit;
      if ((i & 7) == 7) {
        b.append(Character.forDigit(acc >> 4, 16)).append(Character.forDigit(acc & 15, 16));
        acc = 0;
      }
    }
    return b.append('\'').toString().toUpperCase(java.util.Locale.ROOT);
  }

  /** Whether a token image is a word (identifier or keyword): starts with a letter or '_'. */
  public static boolean isWord(String image) {
    if (image == null || image.isEmpty()) {
      return false;
    }
    final char c = image.charAt(0);
    return Character.isLetter(c) || c == '_';
  }
}
