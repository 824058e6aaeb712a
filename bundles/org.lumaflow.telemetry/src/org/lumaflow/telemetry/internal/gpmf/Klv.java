package org.lumaflow.telemetry.internal.gpmf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A cursor over GPMF KLV entries (big-endian): a FourCC key, a type char (0 = nested), a struct size in bytes, a 16-bit
 * repeat count, then {@code size * repeat} bytes of data padded to 32 bits. One instance walks one level; reuse it with
 * {@link #reset}.
 */
final class Klv {

    /** Thrown when an entry does not fit its container; carries the offset. */
    static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;

        Broken(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private ByteBuffer buf;
    private int pos;
    private int end;
    /** The current entry. */
    int key;
    char type;
    int structSize;
    int repeat;
    int dataOffset;
    int headerOffset;

    Klv reset(ByteBuffer buf, int start, int end) {
        this.buf = buf.order(ByteOrder.BIG_ENDIAN);
        this.pos = start;
        this.end = end;
        return this;
    }

    /** Advances to the next entry; false at the end of this level. */
    boolean next() throws Broken {
        while (end - pos >= 4 && buf.getInt(pos) == 0) {
            pos += 4; // zero padding between payload entries
        }
        if (end - pos < 8) {
            if (end - pos > 0) {
                throw new Broken(pos, (end - pos) + " stray bytes where an entry header (8 bytes) was expected");
            }
            return false;
        }
        headerOffset = pos;
        key = buf.getInt(pos);
        if (!printable(key)) {
            throw new Broken(pos, "not a GPMF entry (key bytes " + String.format("%08x", key)
                    + " are not a FourCC)");
        }
        type = (char) (buf.get(pos + 4) & 0xff);
        structSize = buf.get(pos + 5) & 0xff;
        repeat = buf.getShort(pos + 6) & 0xffff;
        dataOffset = pos + 8;
        long size = (long) structSize * repeat;
        long padded = (size + 3) & ~3L;
        if (dataOffset + size > end) {
            throw new Broken(pos, "entry " + fourcc(key) + " claims " + size + " bytes but only " + (end - dataOffset)
                    + " remain; the payload is truncated or corrupt");
        }
        pos = (int) Math.min(end, dataOffset + padded);
        return true;
    }

    int dataSize() {
        return structSize * repeat;
    }

    boolean nested() {
        return type == 0;
    }

    ByteBuffer buffer() {
        return buf;
    }

    /** The entry's data as Latin-1 text with trailing NULs and spaces removed. */
    String text() {
        StringBuilder sb = new StringBuilder(dataSize());
        for (int i = 0; i < dataSize(); i++) {
            int c = buf.get(dataOffset + i) & 0xff;
            sb.append(c == 0 ? ' ' : (char) c);
        }
        return sb.toString().strip();
    }

    /** The entry's data as strings of {@code structSize} characters each (UNIT/SIUN per element). */
    String[] texts() {
        String[] r = new String[repeat];
        for (int j = 0; j < repeat; j++) {
            byte[] b = new byte[structSize];
            buf.get(dataOffset + j * structSize, b);
            r[j] = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "").strip()
                    .replace("\u00b5", "µ");
        }
        return r;
    }

    static String fourcc(int key) {
        char[] c = {(char) (key >>> 24 & 0xff), (char) (key >>> 16 & 0xff), (char) (key >>> 8 & 0xff),
                (char) (key & 0xff)};
        return new String(c);
    }

    static int key(String fourcc) {
        return fourcc.charAt(0) << 24 | fourcc.charAt(1) << 16 | fourcc.charAt(2) << 8 | fourcc.charAt(3);
    }

    private static boolean printable(int key) {
        for (int s = 24; s >= 0; s -= 8) {
            int c = key >>> s & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Size in bytes of one value of a GPMF type char; 0 for unknown ('?' complex types are expanded first). */
    static int typeSize(char t) {
        return switch (t) {
            case 'b', 'B', 'c' -> 1;
            case 's', 'S' -> 2;
            case 'l', 'L', 'f', 'F', 'q' -> 4;
            case 'd', 'j', 'J', 'Q' -> 8;
            case 'G', 'U' -> 16;
            default -> 0;
        };
    }

    /** Reads one value of type {@code t} at {@code off} as a double (NaN for text types). */
    static double value(ByteBuffer b, int off, char t) {
        return switch (t) {
            case 'b' -> b.get(off);
            case 'B' -> b.get(off) & 0xff;
            case 's' -> b.getShort(off);
            case 'S' -> b.getShort(off) & 0xffff;
            case 'l' -> b.getInt(off);
            case 'L', 'F' -> b.getInt(off) & 0xffffffffL;
            case 'f' -> b.getFloat(off);
            case 'd' -> b.getDouble(off);
            case 'j' -> b.getLong(off);
            case 'J' -> unsigned(b.getLong(off));
            case 'q' -> b.getInt(off) / 65536.0;
            case 'Q' -> b.getLong(off) / 4294967296.0;
            default -> Double.NaN;
        };
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    /** Expands a TYPE string ({@code "lLlsS"}, {@code "f[8]L"}) to one char per element. */
    static String expandType(String type) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '[') {
                int close = type.indexOf(']', i);
                if (close < 0 || sb.isEmpty()) {
                    break;
                }
                int n = Integer.parseInt(type.substring(i + 1, close).strip());
                char last = sb.charAt(sb.length() - 1);
                for (int k = 1; k < n; k++) {
                    sb.append(last);
                }
                i = close;
            } else if (c != ' ' && c != 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
