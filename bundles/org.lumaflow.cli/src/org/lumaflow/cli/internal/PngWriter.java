package org.lumaflow.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.lumaflow.core.internal.PartialFile;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.PixelFormat;

/**
 * A fast PNG encoder for RGBA8 frames (8-bit RGBA, "Sub" row filter, fast deflate). One instance per thread: its
 * buffers are reused from frame to frame. Files are written to a locked temporary ({@link PartialFile}) and renamed
 * into place.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    private final CRC32 crc = new CRC32();
    private byte[] row = new byte[0];
    private byte[] filtered = new byte[0];
    private byte[] compressed = new byte[1 << 16];
    private int compressedLength;
    private final byte[] chunkBuf = new byte[8];

    /** Writes {@code frame} (RGBA8) to {@code file} atomically. */
    void write(Frame frame, Path file) throws IOException {
        if (frame.format() != PixelFormat.RGBA8) {
            throw new IllegalArgumentException("PNG output needs RGBA8, got " + frame.format());
        }
        encode(frame);
        try (PartialFile tmp = PartialFile.beside(file, ".partial")) {
            try (OutputStream out = Files.newOutputStream(tmp.path())) {
                out.write(SIGNATURE);
                byte[] ihdr = new byte[13];
                putInt(ihdr, 0, frame.width());
                putInt(ihdr, 4, frame.height());
                ihdr[8] = 8; // bit depth
                ihdr[9] = 6; // colour type RGBA
                chunk(out, "IHDR", ihdr, ihdr.length);
                chunk(out, "IDAT", compressed, compressedLength);
                chunk(out, "IEND", new byte[0], 0);
            }
            tmp.commit();
        }
    }

    private void encode(Frame frame) {
        int w = frame.width();
        int h = frame.height();
        int stride = w * 4;
        if (row.length != stride) {
            row = new byte[stride];
            filtered = new byte[stride + 1];
        }
        ByteBuffer buf = frame.buffer();
        deflater.reset();
        compressedLength = 0;
        for (int y = 0; y < h; y++) {
            buf.get(y * stride, row, 0, stride);
            filtered[0] = 1; // Sub
            for (int i = 0; i < 4; i++) {
                filtered[1 + i] = row[i];
            }
            for (int i = 4; i < stride; i++) {
                filtered[1 + i] = (byte) (row[i] - row[i - 4]);
            }
            deflater.setInput(filtered, 0, stride + 1);
            drain(false);
        }
        deflater.finish();
        drain(true);
    }

    private void drain(boolean finishing) {
        while (finishing ? !deflater.finished() : !deflater.needsInput()) {
            if (compressed.length - compressedLength < 1 << 15) {
                compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
            }
            compressedLength += deflater.deflate(compressed, compressedLength, compressed.length - compressedLength);
        }
    }

    private void chunk(OutputStream out, String type, byte[] data, int len) throws IOException {
        putInt(chunkBuf, 0, len);
        for (int i = 0; i < 4; i++) {
            chunkBuf[4 + i] = (byte) type.charAt(i);
        }
        out.write(chunkBuf, 0, 8);
        out.write(data, 0, len);
        crc.reset();
        crc.update(chunkBuf, 4, 4);
        crc.update(data, 0, len);
        putInt(chunkBuf, 0, (int) crc.getValue());
        out.write(chunkBuf, 0, 4);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
