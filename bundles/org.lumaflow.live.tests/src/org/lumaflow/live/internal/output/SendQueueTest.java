package org.lumaflow.live.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.pool.FrameKey;
import org.lumaflow.core.pool.FramePool;
import org.lumaflow.core.pool.PixelFormat;
import org.lumaflow.core.pool.Usage;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.live.EncodedPacket;
import org.lumaflow.live.LiveOutput;
import org.lumaflow.live.OutputStats;
import org.lumaflow.live.internal.encode.LiveEncodeStageFactory;
import org.lumaflow.live.internal.encode.PooledPacket;
import org.lumaflow.live.internal.pipe.EncodeStage;
import org.lumaflow.live.tests.receivers.TestSignal;

/**
 * The send queue's congestion rules on real encoded pictures (one-second keyframe interval at 30 fps): non-reference
 * pictures go first past 700 ms, everything up to the next keyframe past 900 ms; while disconnected only the newest
 * keyframe and what follows are kept.
 */
class SendQueueTest {

    static final List<EncodedPacket> PACKETS = new ArrayList<>();
    static EncodeStage stage;

    /** Keeps every video packet the encoder fans out. */
    static final class Keep implements LiveOutput {
        @Override
        public String name() {
            return "keep";
        }

        @Override
        public void send(EncodedPacket p) {
            if (p.stream() == EncodedPacket.VIDEO) {
                PACKETS.add(p.retain());
            }
        }

        @Override
        public OutputStats stats() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    @BeforeAll
    static void encode() throws Exception {
        stage = new LiveEncodeStageFactory().open(320, 180, new FrameRate(30, 1), "auto", 0, 1.0, 0, 0, Set.of(),
                Map.of());
        stage.attach(new Keep());
        try (FramePool pool = new FramePool()) {
            for (int i = 0; i < 75; i++) {
                Frame f = pool.lease(new FrameKey(320, 180, PixelFormat.NV12, Usage.ENCODE));
                TestSignal.draw(f, i);
                stage.submit(f, i * 1_000_000L / 30, System.nanoTime());
                long end = System.nanoTime() + 2_000_000_000L;
                while (stage.encodedFrames() <= i && System.nanoTime() < end) {
                    Thread.sleep(1);
                }
            }
            stage.close();
        }
        assertEquals(75, PACKETS.size());
    }

    @AfterAll
    static void release() {
        PACKETS.forEach(EncodedPacket::release);
        PACKETS.clear();
    }

    @Test
    void nonReferencePicturesGoFirstThenEverythingUpToTheNextKeyframe() {
        assertTrue(PACKETS.get(0).keyframe() && PACKETS.get(30).keyframe() && PACKETS.get(60).keyframe());
        for (int i = 0; i < 75; i++) {
            assertFalse(PACKETS.get(i).disposable(), "low-latency pictures are all references: " + i);
        }
        for (int i = 1; i < 75; i += 2) {
            if (!PACKETS.get(i).keyframe()) {
                ((PooledPacket) PACKETS.get(i)).makeNonReference();
                assertTrue(PACKETS.get(i).disposable(), "nal_ref_idc 0 reads as disposable: " + i);
            }
        }
        SendQueue q = new SendQueue(256);
        q.connected(true);
        int i = 0;
        for (; i < 25; i++) { // 24 x 33 ms = 800 ms queued: past the first rule only
            q.offer(PACKETS.get(i));
        }
        assertTrue(q.droppedDisposable() > 0, "past 700 ms the non-reference pictures go");
        assertEquals(0, q.droppedToKeyframe());
        assertEquals(q.droppedDisposable(), q.droppedPictures());
        for (; i < 30; i++) {
            q.offer(PACKETS.get(i));
        }
        assertTrue(q.droppedToKeyframe() > 0, "past 900 ms everything up to the next keyframe goes");
        q.offer(PACKETS.get(30));
        EncodedPacket head = q.poll();
        assertTrue(head.keyframe(), "the queue resumes at a keyframe");
        head.release();
        q.clear(false);
        for (EncodedPacket p : PACKETS) {
            assertEquals(1, ((PooledPacket) p).refCount(), "the queue released what it dropped");
        }
    }

    @Test
    void disconnectedKeepsTheNewestKeyframeAndWhatFollows() {
        SendQueue q = new SendQueue(256);
        q.connected(true);
        for (int i = 0; i < 40; i++) {
            q.offer(PACKETS.get(i));
        }
        q.connected(false);
        assertEquals(10, q.size(), "trimmed to the keyframe at picture 30");
        assertEquals(30, q.droppedPictures());
        for (int i = 40; i < 65; i++) {
            q.offer(PACKETS.get(i));
        }
        assertEquals(5, q.size(), "a newer keyframe (60) replaced the older one");
        EncodedPacket head = q.poll();
        assertEquals(PACKETS.get(60), head);
        head.release();
        q.clear(false);
    }
}
