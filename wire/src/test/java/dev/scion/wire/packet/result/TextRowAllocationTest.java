package dev.scion.wire.packet.result;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scion.wire.api.MySqlType;
import dev.scion.wire.api.WireColumn;
import dev.scion.wire.codec.PacketFramer;
import dev.scion.wire.codec.SequenceId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's operation count for the text protocol: bytes the wire layer allocates to encode one result row (a
 * sysbench row: two integers and two strings) into the connection's batch buffer. Counted with the JVM's
 * per-thread allocation counter, never timed.
 */
class TextRowAllocationTest {
    private static final List<WireColumn> COLUMNS = List.of(WireColumn.of("id", MySqlType.LONG, 11),
            WireColumn.of("k", MySqlType.LONG, 11), WireColumn.of("c", MySqlType.STRING, 480),
            WireColumn.of("pad", MySqlType.STRING, 240));

    @Test
    void encodingATextRowAllocatesAlmostNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        Object[][] rows = new Object[64][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] {(long) i * 7919, (long) i * 31, "c".repeat(119) + i % 10, "p".repeat(59)};
        }
        ByteBuf out = Unpooled.directBuffer(4096);
        SequenceId seq = new SequenceId();
        int n = 200_000;
        encode(out, seq, rows, n); // warm-up: compile the encoding path first
        long before = threads.getThreadAllocatedBytes(thread);
        encode(out, seq, rows, n);
        long perRow = (threads.getThreadAllocatedBytes(thread) - before) / n;
        out.release();
        System.out.println("[figure] bytes allocated per encoded text row (2 integers, 2 strings): " + perRow);
        // 88 bytes per row before integers were written digit by digit (a String and its bytes per integer), 30 after
        assertTrue(perRow < 64, "allocated " + perRow + " bytes per text row");
    }

    private static void encode(ByteBuf out, SequenceId seq, Object[][] rows, int n) {
        for (int i = 0; i < n; i++) {
            out.clear();
            PacketFramer.write(out, new TextResultRowPacket(COLUMNS, rows[i & 63]), seq);
        }
    }
}
