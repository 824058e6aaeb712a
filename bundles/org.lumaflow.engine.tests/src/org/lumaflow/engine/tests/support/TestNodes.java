package org.lumaflow.engine.tests.support;

import java.nio.ByteBuffer;
import java.util.List;

import org.lumaflow.core.pool.Frame;
import org.lumaflow.core.time.FrameRate;
import org.lumaflow.engine.graph.NodeContext;
import org.lumaflow.engine.graph.NodeDescriptor;
import org.lumaflow.engine.graph.NodeType;
import org.lumaflow.engine.graph.ParamSpec;
import org.lumaflow.engine.graph.PortSpec;
import org.lumaflow.engine.graph.PortType;

/** Small node types used by the engine tests. */
public final class TestNodes {

    private TestNodes() {
    }

    /** Inverts RGB. */
    public static final class Invert implements NodeType {
        static final NodeDescriptor D = new NodeDescriptor("test.invert", "Invert", "Test", "Inverts RGB",
                List.of(PortSpec.image("source", "input")), PortType.IMAGE, List.of());

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public void render(NodeContext ctx) {
            ByteBuffer in = ctx.input(0).buffer();
            ByteBuffer out = ctx.output().buffer();
            for (int i = 0; i < out.capacity(); i += 4) {
                out.putInt(i, in.getInt(i) ^ 0x00FFFFFF);
            }
        }
    }

    /** Throws while rendering. */
    public static final class Boom implements NodeType {
        static final NodeDescriptor D = new NodeDescriptor("test.boom", "Boom", "Test", "Always fails",
                List.of(PortSpec.optional("source", PortType.IMAGE, "input")), PortType.IMAGE, List.of());

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public void render(NodeContext ctx) {
            ctx.output().fill((byte) 0x55); // partial garbage the engine must replace
            throw new IllegalStateException("kaboom");
        }
    }

    /** A MASK source (all 255). */
    public static final class MaskSource implements NodeType {
        static final NodeDescriptor D = new NodeDescriptor("test.mask_source", "Mask", "Test", "Full mask",
                List.of(), PortType.MASK, List.of());

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public void render(NodeContext ctx) {
            ctx.output().fill((byte) 255);
        }
    }

    /** Writes its node-local time, in frames at {@code rate}, into every pixel's red (low byte) and green (high). */
    public static final class TimeProbe implements NodeType {
        static final NodeDescriptor D = new NodeDescriptor("test.time_probe", "Time", "Test", "Local time",
                List.of(), PortType.IMAGE, List.of(ParamSpec.number("value", 0, -1e9, 1e9, "", "animatable value")));
        private final FrameRate rate;

        /** Time in frames of {@code rate}. */
        public TimeProbe(FrameRate rate) {
            this.rate = rate;
        }

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public void render(NodeContext ctx) {
            long f = rate.ticksToFrame(ctx.time(), java.math.RoundingMode.FLOOR);
            int v = (int) Math.max(0, Math.min(65535, f));
            int b = (int) Math.max(0, Math.min(255, Math.round(ctx.number("value"))));
            int px = 0xFF000000 | (b << 16) | v;
            Frame out = ctx.output();
            for (int i = 0; i < out.buffer().capacity(); i += 4) {
                out.buffer().putInt(i, px);
            }
        }
    }
}
