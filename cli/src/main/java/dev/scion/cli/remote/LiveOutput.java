package dev.scion.cli.remote;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of one command running inside the sql-server, kept in the order it was written (stdout and stderr
 * interleaved as the command wrote them) until a caller takes it: the CLI's poll while the command runs
 * ({@code scion_cli_output}), and the command's own answer at the end. Each byte is handed out once.
 */
final class LiveOutput {
    /** One run of bytes written to the same stream. */
    private static final class Segment {
        final String stream;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Segment(String stream) {
            this.stream = stream;
        }
    }

    private final List<Segment> segments = new ArrayList<>();

    /** A stream the command writes to; {@code name} is "out" or "err". */
    OutputStream stream(String name) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                append(name, b, off, len);
            }
        };
    }

    private synchronized void append(String stream, byte[] b, int off, int len) {
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last == null || !last.stream.equals(stream)) {
            last = new Segment(stream);
            segments.add(last);
        }
        last.bytes.write(b, off, len);
    }

    /**
     * Everything written since the last call, as rows {@code (stream, text)}. A character whose bytes are not all
     * written yet (an encoder may flush mid-character) stays for the next call.
     */
    synchronized List<Object[]> drain() {
        List<Object[]> rows = new ArrayList<>();
        Segment keep = null;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            byte[] b = s.bytes.toByteArray();
            int complete = i == segments.size() - 1 ? completeLength(b) : b.length;
            if (complete > 0) {
                rows.add(new Object[] {s.stream, new String(b, 0, complete, StandardCharsets.UTF_8)});
            }
            if (complete < b.length) {
                keep = new Segment(s.stream);
                keep.bytes.write(b, complete, b.length - complete);
            }
        }
        segments.clear();
        if (keep != null) {
            segments.add(keep);
        }
        return rows;
    }

    /** The length of {@code b} without a trailing, incomplete UTF-8 sequence. */
    static int completeLength(byte[] b) {
        for (int back = 1; back <= Math.min(3, b.length); back++) {
            int lead = b[b.length - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue; // a continuation byte: look further back for its lead
            }
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return need > back ? b.length - back : b.length;
        }
        return b.length;
    }
}
