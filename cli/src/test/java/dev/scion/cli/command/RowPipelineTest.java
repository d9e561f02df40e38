package dev.scion.cli.command;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.ColumnType;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.schema.TypeKind;
import dev.scion.versioning.table.RowCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RowPipelineTest {
    @TempDir
    Path dir;

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("id", ColumnType.of(TypeKind.BIGINT), false, null, false, null, 1),
            new Column("name", ColumnType.of(TypeKind.VARCHAR, 40), true, null, false, null, 2)),
            List.of("id"), List.of());

    private Path csv(int rows, int badAt) throws IOException {
        StringBuilder sb = new StringBuilder("name,id\n");
        for (int i = 0; i < rows; i++) {
            sb.append("n").append(i).append(',').append(i == badAt ? "x" + i : Integer.toString(i)).append('\n');
        }
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void rowsArriveInFileOrderAcrossBatchesWithTheirEncoding() throws IOException {
        RowCodec codec = new RowCodec(SCHEMA);
        int n = 0;
        try (RecordSource src = RecordSource.open(csv(10_000, -1), "csv")) {
            src.header();
            try (RowPipeline p = new RowPipeline(src, new int[] {1, 0}, SCHEMA, codec)) {
                RowPipeline.Batch b;
                while ((b = p.next()) != null) {
                    for (int r = 0; r < b.size; r++, n++) {
                        assertArrayEquals(new Object[] {(long) n, "n" + n}, b.rows[r]);
                        assertEquals(n + 2, b.marks[r], "line of the record");
                        assertArrayEquals(codec.key(b.rows[r]), b.keys[r]);
                        assertArrayEquals(codec.value(b.rows[r]), b.values[r]);
                    }
                    assertNull(b.failure);
                }
                assertNull(p.next(), "the stream stays ended");
            }
        }
        assertEquals(10_000, n);
    }

    @Test
    void aBadRecordEndsTheStreamAfterTheRowsBeforeItNamingItsLine() throws IOException {
        int n = 0;
        try (RecordSource src = RecordSource.open(csv(10_000, 9_000), "csv")) {
            src.header();
            try (RowPipeline p = new RowPipeline(src, new int[] {1, 0}, SCHEMA, null)) {
                RowPipeline.Batch b;
                IOException failure = null;
                while ((b = p.next()) != null) {
                    n += b.size;
                    if (b.failure != null) {
                        failure = assertThrows(IOException.class, b::rethrow);
                    }
                }
                assertEquals(9_000, n, "every row before the bad one");
                assertEquals("line 9002: 'x9000' is not a valid bigint for column 'id'", failure.getMessage());
            }
        }
    }
}
