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
}
