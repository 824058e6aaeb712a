package org.lumaflow.perception.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes for cache keys: SHA-256 of the size, the first and the last megabyte of a file. */
final class ContentKey {

    static final int CHUNK = 1 << 20;

    private ContentKey() {
    }

    /** 32 hex digits naming {@code file}'s content. */
    static String of(Path file) throws IOException {
        MessageDigest md = sha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            md.update(ByteBuffer.allocate(8).putLong(0, size));
            digest(ch, md, 0, (int) Math.min(size, CHUNK));
            if (size > CHUNK) {
                long from = Math.max(CHUNK, size - CHUNK);
                digest(ch, md, from, (int) (size - from));
            }
        }
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    /** 16 hex digits naming {@code text}. */
    static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    private static void digest(FileChannel ch, MessageDigest md, long at, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                throw new IOException("file shrank while hashing");
            }
        }
        md.update(buf.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
