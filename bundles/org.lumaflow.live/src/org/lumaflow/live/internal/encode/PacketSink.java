package org.lumaflow.live.internal.encode;

/** Where the encoders put their pooled packets (the stage's fan-out); the sink releases the packet's reference. */
interface PacketSink {

    void packet(PooledPacket packet);
}
