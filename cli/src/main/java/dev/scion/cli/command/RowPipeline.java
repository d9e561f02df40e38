package dev.scion.cli.command;

import dev.scion.versioning.schema.Column;
import dev.scion.versioning.schema.TableSchema;
import dev.scion.versioning.table.RowCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The rows of an import file, read and parsed off the caller's thread: one thread splits the file into
 * records, another turns them into typed rows (and, for a table built straight from sorted input, into
 * encoded keys and values), while the caller loads the rows before them. Batches arrive in file order. A
 * bad record ends the stream: the batch holding it carries the rows before it and the failure.
 */
final class RowPipeline implements AutoCloseable {
    private static final int BATCH = 4096;
    private static final int QUEUED_BATCHES = 8;

    /** Typed rows in file order, with where each came from; {@link #failure} ends the stream. */
    static final class Batch {
        final Object[][] rows;
        final long[] marks;
        final byte[][] keys;
        final byte[][] values;
        int size;
        long bytesRead;
        IOException failure;

        Batch(int capacity, boolean encoded) {
            rows = new Object[capacity][];
            marks = new long[capacity];
            keys = encoded ? new byte[capacity][] : null;
            values = encoded ? new byte[capacity][] : null;
        }

        /** The failure that ended the stream after this batch's rows, if any. */
        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Records as read, before parsing. */
    private static final class Records {
        final List<List<String>> cells = new ArrayList<>(BATCH);
        final long[] marks = new long[BATCH];
        long bytesRead;
        IOException failure;
        boolean last;
    }

    private final RecordSource source;
    private final int[] target;
    private final TableSchema schema;
    private final RowCodec codec;
    private final BlockingQueue<Records> records = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread reader;
    private final Thread parser;
    private volatile boolean closed;
    private boolean ended;

    /**
     * Starts reading {@code source}, whose columns go to {@code target[i]} of {@code schema}'s rows. With a
     * {@code codec}, each row's key and value are encoded too.
     */
    RowPipeline(RecordSource source, int[] target, TableSchema schema, RowCodec codec) {
        this.source = source;
        this.target = target;
        this.schema = schema;
        this.codec = codec;
        reader = new Thread(this::read, "import-reader");
        parser = new Thread(this::parse, "import-parser");
        reader.setDaemon(true);
        parser.setDaemon(true);
        reader.start();
        parser.start();
    }

    /** The next batch, or null after the last one. */
    Batch next() throws IOException {
        if (ended) {
            return null;
        }
        Batch b = take(batches);
        if (b == null || b.failure != null || b.size == 0) {
            ended = true;
        }
        return b == null || (b.size == 0 && b.failure == null) ? null : b;
    }

    String position(long mark) {
        return source.position(mark);
    }

    private void read() {
        try {
            while (!closed) {
                Records r = new Records();
                try {
                    List<String> rec;
                    while (r.cells.size() < BATCH && (rec = source.next()) != null) {
                        r.marks[r.cells.size()] = source.mark();
                        r.cells.add(rec);
                    }
                    r.last = r.cells.size() < BATCH;
                } catch (IOException e) {
                    r.failure = e;
                    r.last = true;
                } catch (UncheckedIOException e) {
                    r.failure = e.getCause();
                    r.last = true;
                }
                r.bytesRead = source.bytesRead();
                records.put(r);
                if (r.last) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void parse() {
        try {
            while (!closed) {
                Records r = records.take();
                Batch b = new Batch(r.cells.size(), codec != null);
                b.bytesRead = r.bytesRead;
                for (int i = 0; i < r.cells.size(); i++) {
                    try {
                        Object[] row = row(r.cells.get(i));
                        b.rows[i] = row;
                        b.marks[i] = r.marks[i];
                        if (codec != null) {
                            b.keys[i] = codec.key(row);
                            b.values[i] = codec.value(row);
                        }
                        b.size = i + 1;
                    } catch (IllegalArgumentException e) {
                        b.failure = new IOException(source.position(r.marks[i]) + ": " + e.getMessage());
                        break;
                    }
                }
                if (b.failure == null) {
                    b.failure = r.failure;
                }
                batches.put(b);
                if (r.last || b.failure != null) {
                    if (b.size > 0 && b.failure == null) {
                        batches.put(new Batch(0, false)); // the end
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object[] row(List<String> cells) {
        List<Column> columns = schema.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < target.length; i++) {
            row[target[i]] = ValueParser.parse(cells.get(i), columns.get(target[i]));
        }
        for (int i = 0; i < row.length; i++) {
            Column c = columns.get(i);
            if (row[i] == null && !c.nullable() && !c.autoIncrement()) {
                throw new IllegalArgumentException("column '" + c.name() + "' cannot be NULL");
            }
        }
        return row;
    }

    private static <T> T take(BlockingQueue<T> q) throws IOException {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while importing", e);
        }
    }

    /** Stops the threads (after an error the caller need not drain the stream). */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        parser.interrupt();
        try {
            reader.join(10_000);
            parser.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
