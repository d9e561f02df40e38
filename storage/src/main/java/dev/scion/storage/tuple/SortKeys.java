package dev.scion.storage.tuple;

import java.nio.charset.StandardCharsets;

/** Ready-made sort keys for collations the SQL layer maps onto key encodings. */
public final class SortKeys {
  private SortKeys() {}

  /**
   * Case-insensitive with PAD SPACE, in the manner of MySQL's {@code utf8mb4_general_ci} family: trailing
   * spaces are ignored and each code point is compared by its simple case fold (upper case of its lower
   * case), then by code point order of the folded text. Accent-sensitive. Not a full UCA implementation:
   * collations with weights beyond case folding need their own function.
   */
  public static final SortKeyFunction CASE_INSENSITIVE = SortKeys::caseInsensitive;

  /** Binary order with PAD SPACE (trailing spaces ignored), like {@code utf8mb4_bin}. */
  public static final SortKeyFunction BINARY_PAD_SPACE = s -> stripTrailingSpaces(s).getBytes(StandardCharsets.UTF_8);

  private static byte[] caseInsensitive(String s) {
    String t = stripTrailingSpaces(s);
    StringBuilder folded = new StringBuilder(t.length());
    t.codePoints().forEach(cp -> folded.appendCodePoint(Character.toUpperCase(Character.toLowerCase(cp))));
    return folded.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
