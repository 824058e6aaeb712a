package org.lumaflow.cli.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/**
 * A fast PNG encoder for RGBA8 frames (8-bit RGBA, "Sub" row filter ({@link PngFilter}), fast deflate, one IDAT
 * chunk). One instance per thread: the whole file is assembled in one reused array (no per-frame buffers once it has grown to the frame size)
 * and written with one channel write to a locked temporary ({@link PartialFile}) that is renamed into place.
 * {@link FrameSink} runs several writers at once, so PNG output is not bound by one deflate thread.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Rows filtered and handed to the deflater at a time (keeps the scratch arrays in the cache). */
    private static final int BAND_ROWS = 16;
    /** Signature, IHDR chunk (4 + 4 + 13 + 4), IDAT length and type. */
    private static final int HEAD = 8 + 25 + 8;
    /** IDAT CRC, IEND chunk. */
    private static final int TAIL = 4 + 12;

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final CRC32 crc = new CRC32();
    private byte[] raw = new byte[0];
    private byte[] filtered = new byte[0];
    private byte[] file = new byte[1 << 20];
    private int length;

    /** Writes {@code frame} (RGBA8) to {@code target} atomically. */
    void write(Frame frame, Path target) throws IOException {
        encode(frame);
        try (PartialFile tmp = PartialFile.beside(target, ".partial")) {
            try (FileChannel ch = FileChannel.open(tmp.path(), StandardOpenOption.WRITE)) {
                ByteBuffer bb = ByteBuffer.wrap(file, 0, length);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
            }
            tmp.commit();
        }
    }

    /** The encoded file of the last {@link #encode} (valid until the next call). */
    byte[] bytes() {
        return file;
    }

    /** The length of the last encoded file. */
    int length() {
        return length;
    }

    /** Encodes {@code frame} into {@link #bytes()}; returns the file's length. */
    int encode(Frame frame) {
        if (frame.format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("PNG output needs RGBA8, got " + frame.format());
        }
        int w = frame.width();
        int h = frame.height();
        int rowBytes = w * 4;
        int stride = frame.stride();
        if (raw.length < rowBytes * BAND_ROWS) {
            raw = new byte[rowBytes * BAND_ROWS];
            filtered = new byte[(rowBytes + 1) * BAND_ROWS];
        }
        length = 0;
        System.arraycopy(SIGNATURE, 0, file, 0, 8);
        putInt(file, 8, 13);
        putType(file, 12, "IHDR");
        putInt(file, 16, w);
        putInt(file, 20, h);
        file[24] = 8; // bit depth
        file[25] = 6; // colour type RGBA
        file[26] = 0; // compression
        file[27] = 0; // filter method
        file[28] = 0; // no interlace
        crc.reset();
        crc.update(file, 12, 17);
        putInt(file, 29, (int) crc.getValue());
        putType(file, 37, "IDAT");
        length = HEAD;
        ByteBuffer buf = frame.buffer();
        deflater.reset();
        for (int y0 = 0; y0 < h; y0 += BAND_ROWS) {
            int rows = Math.min(BAND_ROWS, h - y0);
            for (int r = 0; r < rows; r++) {
                buf.get((y0 + r) * stride, raw, r * rowBytes, rowBytes);
            }
            PngFilter.BEST.filter(raw, filtered, rows, rowBytes);
            deflater.setInput(filtered, 0, rows * (rowBytes + 1));
            while (!deflater.needsInput()) {
                deflate();
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            deflate();
        }
        int idat = length - HEAD;
        putInt(file, 33, idat);
        ensure(TAIL);
        crc.reset();
        crc.update(file, 37, idat + 4);
        putInt(file, length, (int) crc.getValue());
        putInt(file, length + 4, 0);
        putType(file, length + 8, "IEND");
        putInt(file, length + 12, 0xAE426082); // CRC of "IEND"
        length += TAIL;
        return length;
    }

    private void deflate() {
        ensure(1 << 15);
        length += deflater.deflate(file, length, file.length - TAIL - length);
    }

    /** Makes room for {@code bytes} more bytes (plus the tail) after {@link #length}. */
    private void ensure(int bytes) {
        if (file.length - TAIL - length < bytes) {
            file = Arrays.copyOf(file, Math.max(file.length * 2, length + bytes + TAIL));
        }
    }

    private static void putType(byte[] b, int off, String type) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) type.charAt(i);
        }
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
