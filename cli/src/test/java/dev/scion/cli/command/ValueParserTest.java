package dev.scion.cli.command;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TypeKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueParserTest {
    private static Column col(ColumnType t, boolean nullable) {
        return new Column("c", t, nullable, null, false, null, 1);
    }

    @Test
    void parsesEachKindStrictly() {
        assertEquals(42L, ValueParser.parse(" 42 ", col(ColumnType.of(TypeKind.INT), true)));
        assertEquals(new BigDecimal("1.50"), ValueParser.parse("1.5",
                col(new ColumnType(TypeKind.DECIMAL, 5, 2, false, List.of()), true)));
        assertEquals(LocalDate.of(2024, 2, 29), ValueParser.parse("2024-02-29", col(ColumnType.of(TypeKind.DATE), true)));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000), ValueParser.parse("2024-01-02 03:04:05.6",
                col(ColumnType.of(TypeKind.DATETIME), true)));
        assertEquals(Duration.ofSeconds(-3723), ValueParser.parse("-01:02:03", col(ColumnType.of(TypeKind.TIME), true)));
        assertEquals(2L, ValueParser.parse("b", col(new ColumnType(TypeKind.ENUM, -1, -1, false, List.of("a", "b")), true)));
        assertEquals(5L, ValueParser.parse("a,c", col(new ColumnType(TypeKind.SET, -1, -1, false, List.of("a", "b", "c")), true)));
        assertEquals(null, ValueParser.parse(null, col(ColumnType.of(TypeKind.INT), true)));
    }

    @Test
    void rejectsWhatMysqlStrictModeWould() {
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("12x", col(ColumnType.of(TypeKind.INT), true)));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("toolong",
                col(ColumnType.of(TypeKind.VARCHAR, 3), true)));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse(null, col(ColumnType.of(TypeKind.INT), false)));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("2024-13-01",
                col(ColumnType.of(TypeKind.DATE), true)));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("z",
                col(new ColumnType(TypeKind.ENUM, -1, -1, false, List.of("a")), true)));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("-1",
                col(new ColumnType(TypeKind.INT, -1, -1, true, List.of()), true)));
    }

    @Test
    void decimalsAreExactWhicheverPathReadsThem() {
        Column d102 = col(new ColumnType(TypeKind.DECIMAL, 10, 2, false, List.of()), true);
        for (String v : List.of("0", "-0.00", "12.3", "-12.34", ".5", "1.", "+7.25", "1.005", "-1.005", "1e2",
                "00012.10", "99999999.99", "-99999999.99")) {
            BigDecimal expected = new BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP);
            assertEquals(expected, ValueParser.parse(v, d102), v);
        }
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("123456789.00", d102),
                "nine integer digits do not fit DECIMAL(10,2)");
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("1.2.3", d102));
        assertThrows(IllegalArgumentException.class, () -> ValueParser.parse("-", d102));
        Column d380 = col(new ColumnType(TypeKind.DECIMAL, 38, 0, false, List.of()), true);
        assertEquals(new BigDecimal("12345678901234567890123"), ValueParser.parse("12345678901234567890123", d380),
                "more digits than a long holds");
    }
}
