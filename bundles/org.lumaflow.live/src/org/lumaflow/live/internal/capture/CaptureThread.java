package org.lumaflow.live.internal.capture;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.lumaflow.media.ffmpeg.FFmpeg;

/**
 * A source's capture thread. FFmpeg inputs opened here get {@link #interruptible} so that a blocking read (a network
 * socket waiting for data) returns as soon as {@link #halt()} is called: one shared interrupt callback checks whether
 * the calling thread is a halted capture thread, so it allocates nothing and needs no per-source native callback.
 */
public final class CaptureThread extends Thread {

    private static final Interrupt INTERRUPT = new Interrupt();
    private static volatile boolean devicesLoaded;

    private volatile boolean halted;

    /** A daemon capture thread named {@code lumaflow-capture <name>} running {@code body}. */
    public CaptureThread(String name, Runnable body) {
        super(body, "lumaflow-capture " + name);
        setDaemon(true);
        setPriority(Math.min(MAX_PRIORITY, NORM_PRIORITY + 2));
    }

    /** Asks the body to stop: its loop checks {@link #halted()}, FFmpeg reads on this thread are interrupted. */
    public void halt() {
        halted = true;
    }

    /** Whether {@link #halt()} was called. */
    public boolean halted() {
        return halted;
    }

    /** Whether the calling thread is a capture thread that was asked to stop. */
    static boolean currentHalted() {
        return Thread.currentThread() instanceof CaptureThread t && t.halted;
    }

    /** Installs the shared interrupt callback on {@code fmt} (before {@code avformat_open_input}). */
    static void interruptible(AVFormatContext fmt) {
        AVIOInterruptCB cb = fmt.interrupt_callback();
        cb.callback(INTERRUPT);
        cb.opaque(null);
    }

    /** Loads FFmpeg with its device library (x11grab, v4l2, pulse, alsa) and swresample, once. */
    static void loadDevices() {
        if (devicesLoaded) {
            return;
        }
        synchronized (CaptureThread.class) {
            if (!devicesLoaded) {
                FFmpeg.load();
                Loader.load(org.bytedeco.ffmpeg.global.swresample.class);
                Loader.load(avdevice.class);
                avdevice.avdevice_register_all();
                devicesLoaded = true;
            }
        }
    }

    private static final class Interrupt extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            return currentHalted() ? 1 : 0;
        }
    }
}
