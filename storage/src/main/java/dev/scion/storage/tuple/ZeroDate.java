package dev.scion.storage.tuple;

/**
 * MySQL's zero date, the value a DATE ('0000-00-00'), DATETIME or TIMESTAMP ('0000-00-00 00:00:00') column holds
 * when sql_mode lets it (no NO_ZERO_DATE, or a non-strict write). It is no calendar date, so no LocalDate or
 * LocalDateTime can carry it; the field codecs give it a code below every real date (docs/storage-format.md), so it
 * sorts first, as in MySQL. {@link #DATE} is the DATE field's zero, {@link #DATETIME} the DATETIME field's.
 */
public enum ZeroDate {
  DATE("0000-00-00"), DATETIME("0000-00-00 00:00:00");

  private final String text;

  ZeroDate(String text) {
    this.text = text;
  }

  /** The text MySQL shows for it (without fractional digits). */
  @Override
  public String toString() {
    return text;
  }
}
