package org.lumaflow.telemetry.internal.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.TimeSeries;
import org.lumaflow.telemetry.internal.ColumnSeries;

/**
 * A {@link TimeSeries} whose columns live in memory-mapped temporary files (doubles, native order), so a long series
 * costs address space and page cache, not heap. Built by {@link Writer}, which spills chunks of rows as they come;
 * the files are deleted as soon as they are mapped (the mappings stay valid until the series is collected).
 */
public final class MappedSeries extends ColumnSeries {

    private final DoubleBuffer times;
    private final DoubleBuffer[] columns;

    private MappedSeries(String name, List<Channel> channels, DoubleBuffer times, DoubleBuffer[] columns, int size,
            double gapLimit) {
        super(name, channels, size, gapLimit);
        this.times = times;
        this.columns = columns;
    }

    @Override
    protected double t(int i) {
        return times.get(i);
    }

    @Override
    protected double v(int channel, int i) {
        return columns[channel].get(i);
    }

    /** Appends rows in chunks to temporary column files, then maps them. Not thread-safe; close it when abandoned. */
    public static final class Writer implements AutoCloseable {
        private static final int CHUNK = 8192;
        private final String name;
        private final List<Channel> channels;
        private final Path[] files;
        private final FileChannel[] out;
        private final ByteBuffer[] chunks;
        private int size;
        private double last = Double.NEGATIVE_INFINITY;

        public Writer(String name, List<Channel> channels) throws IOException {
            this.name = name;
            this.channels = List.copyOf(channels);
            int n = channels.size() + 1;
            files = new Path[n];
            out = new FileChannel[n];
            chunks = new ByteBuffer[n];
            try {
                for (int c = 0; c < n; c++) {
                    files[c] = Files.createTempFile("lumaflow-telemetry-", ".col");
                    out[c] = FileChannel.open(files[c], StandardOpenOption.WRITE, StandardOpenOption.READ);
                    chunks[c] = ByteBuffer.allocateDirect(CHUNK * 8).order(ByteOrder.nativeOrder());
                }
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        /** Rows so far. */
        public int size() {
            return size;
        }

        /** Time of the last row (negative infinity before the first). */
        public double last() {
            return last;
        }

        /** Appends a row; {@code values} holds one value per channel. The caller keeps times increasing. */
        public void add(double time, double[] values) throws IOException {
            if (size == Integer.MAX_VALUE / 8) {
                throw new IOException("more than " + size + " rows");
            }
            chunks[0].putDouble(time);
            for (int c = 0; c < channels.size(); c++) {
                chunks[c + 1].putDouble(values[c]);
            }
            last = time;
            size++;
            if (!chunks[0].hasRemaining()) {
                flush();
            }
        }

        private void flush() throws IOException {
            for (int c = 0; c < chunks.length; c++) {
                chunks[c].flip();
                while (chunks[c].hasRemaining()) {
                    out[c].write(chunks[c]);
                }
                chunks[c].clear();
            }
        }

        /** Maps the columns and returns the series; the temporary files are gone afterwards. */
        public MappedSeries finish(double gapLimit) throws IOException {
            flush();
            DoubleBuffer[] cols = new DoubleBuffer[chunks.length];
            for (int c = 0; c < chunks.length; c++) {
                long bytes = (long) size * 8;
                MappedByteBuffer m = out[c].map(FileChannel.MapMode.READ_ONLY, 0, bytes);
                cols[c] = m.order(ByteOrder.nativeOrder()).asDoubleBuffer();
            }
            close();
            DoubleBuffer[] data = new DoubleBuffer[chunks.length - 1];
            System.arraycopy(cols, 1, data, 0, data.length);
            return new MappedSeries(name, channels, cols[0], data, size, gapLimit);
        }

        @Override
        public void close() throws IOException {
            for (int c = 0; c < files.length; c++) {
                if (out[c] != null) {
                    out[c].close();
                    out[c] = null;
                }
                if (files[c] != null) {
                    Files.deleteIfExists(files[c]);
                    files[c] = null;
                }
            }
        }
    }
}
