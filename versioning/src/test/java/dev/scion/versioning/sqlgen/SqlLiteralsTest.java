package dev.scion.versioning.sqlgen;

import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TypeKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlLiteralsTest {
    @Test
    void quotesAndEscapesLikeMysqlDump() {
        assertEquals("'it''s a \\\\ \\n'", SqlLiterals.string("it's a \\ \n"));
        assertEquals("`we``ird`", SqlLiterals.identifier("we`ird"));
        assertEquals("NULL", SqlLiterals.literal(null));
        assertEquals("1.50", SqlLiterals.literal(new BigDecimal("1.50")));
        assertEquals("0x00ff", SqlLiterals.literal(new byte[] {0, (byte) 0xff}));
        assertEquals("'2024-02-29'", SqlLiterals.literal(LocalDate.of(2024, 2, 29)));
        assertEquals("'2024-02-29 10:11:12.5'", SqlLiterals.literal(LocalDateTime.of(2024, 2, 29, 10, 11, 12, 500_000_000)));
        assertEquals("'-01:02:03'", SqlLiterals.literal(Duration.ofSeconds(-3723)));
    }

    @Test
    void enumsAndSetsPrintTheirValues() {
        ColumnType e = new ColumnType(TypeKind.ENUM, -1, -1, false, List.of("red", "green"));
        assertEquals("'green'", SqlLiterals.literal(2L, e));
        ColumnType s = new ColumnType(TypeKind.SET, -1, -1, false, List.of("a", "b", "c"));
        assertEquals("'a,c'", SqlLiterals.literal(5L, s));
        assertEquals("green", SqlLiterals.display(2L, e));
    }
}
