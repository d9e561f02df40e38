package dev.scion.cli.remote;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveOutputTest {
    @Test
    void handsOutEachByteOnceInTheOrderItWasWritten() throws Exception {
        LiveOutput live = new LiveOutput();
        OutputStream out = live.stream("out");
        OutputStream err = live.stream("err");
        out.write("a\n".getBytes(StandardCharsets.UTF_8));
        err.write("warning\n".getBytes(StandardCharsets.UTF_8));
        out.write("b\n".getBytes(StandardCharsets.UTF_8));
        out.write("c\n".getBytes(StandardCharsets.UTF_8));
        List<Object[]> first = live.drain();
        assertEquals(3, first.size());
        assertArrayEquals(new Object[] {"out", "a\n"}, first.get(0));
        assertArrayEquals(new Object[] {"err", "warning\n"}, first.get(1));
        assertArrayEquals(new Object[] {"out", "b\nc\n"}, first.get(2));
        assertEquals(List.of(), live.drain(), "nothing twice");
        err.write('x');
        assertArrayEquals(new Object[] {"err", "x"}, live.drain().get(0));
    }

    @Test
    void aCharacterSplitBetweenWritesWaitsForItsLastByte() throws Exception {
        LiveOutput live = new LiveOutput();
        OutputStream out = live.stream("out");
        byte[] euro = "1 €".getBytes(StandardCharsets.UTF_8); // '€' is three bytes
        out.write(euro, 0, euro.length - 1);
        List<Object[]> part = live.drain();
        assertArrayEquals(new Object[] {"out", "1 "}, part.get(0));
        out.write(euro, euro.length - 1, 1);
        assertArrayEquals(new Object[] {"out", "€"}, live.drain().get(0));
    }

    @Test
    void completeLengthLeavesOffOnlyAnUnfinishedSequence() {
        assertEquals(0, LiveOutput.completeLength(new byte[0]));
        assertEquals(1, LiveOutput.completeLength(new byte[] {'a'}));
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, LiveOutput.completeLength(e));
        assertEquals(0, LiveOutput.completeLength(new byte[] {e[0]}));
    }
}
