package org.lumaflow.live.internal.output;

import java.util.Map;

import org.lumaflow.live.LiveException;
import org.lumaflow.live.StreamFormat;

/** A streamed output (SRT, RTMP/RTMPS, WHIP): reconnects after network loss. */
final class NetworkOutput extends SendOutput {

    private final String muxer;
    private final String url;
    private final Map<String, String> ioOptions;
    private final Map<String, String> fmtOptions;
    private final String connectHint;

    NetworkOutput(String name, StreamFormat format, String audioCodec, String muxer, String url,
            Map<String, String> ioOptions, Map<String, String> fmtOptions, long throttleKbps) {
        this(name, format, audioCodec, muxer, url, ioOptions, fmtOptions, throttleKbps, null);
    }

    /** {@code connectHint}: appended to connection errors (what to check), or null. */
    NetworkOutput(String name, StreamFormat format, String audioCodec, String muxer, String url,
            Map<String, String> ioOptions, Map<String, String> fmtOptions, long throttleKbps, String connectHint) {
        super(name, format, audioCodec, throttleKbps);
        this.connectHint = connectHint;
        this.muxer = muxer;
        this.url = url;
        this.ioOptions = Map.copyOf(ioOptions);
        this.fmtOptions = Map.copyOf(fmtOptions);
        start();
    }

    @Override
    Muxer connect(byte[] sps) throws LiveException {
        try {
            return new Muxer(name, muxer, url, ioOptions, fmtOptions, format, audioCodec(), sps, false);
        } catch (LiveException e) {
            if (connectHint == null) {
                throw e;
            }
            throw new LiveException(e.getMessage() + "; " + connectHint, e);
        }
    }

    @Override
    boolean backsOff() {
        return !"1000000".equals(ioOptions.get("listen_timeout"));
    }

    @Override
    boolean reconnects() {
        return true;
    }
}
