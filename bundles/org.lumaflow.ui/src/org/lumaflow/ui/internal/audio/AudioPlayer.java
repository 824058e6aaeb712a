package org.lumaflow.ui.internal.audio;

import org.lumaflow.decoder.MediaException;
import org.lumaflow.engine.timeline.Timeline;
import org.lumaflow.export.audio.TimelineAudio;
import org.lumaflow.ui.internal.model.Studio;

/**
 * The studio's sound: one thread mixes the open timeline ({@link TimelineAudio}, reopened after edits) in blocks of
 * {@value #BLOCK} samples into reused float arrays, converts them into a reused 16-bit buffer and writes them to the
 * {@link AudioOutput}, whose writes pace it. While playing at normal speed the sample the device is playing is the
 * master clock ({@link #heardSample}); the viewer shows the frame of that sample. Stopped, a playhead move plays a
 * {@value #SCRUB_MS} ms snippet there (scrubbing). Other speeds play silently. Without a sound device the player says
 * why once ({@link #status}) and the viewer keeps its own clock.
 */
public final class AudioPlayer {

    /** Samples mixed and written at once (21 ms). */
    public static final int BLOCK = 1024;
    /** Length of a scrub snippet, milliseconds. */
    public static final int SCRUB_MS = 80;
    private static final int SCRUB = AudioOutput.RATE * SCRUB_MS / 1000;
    private static final int RAMP = AudioOutput.RATE * 3 / 1000;
    /** How long a device may take to start playing before the viewer stops waiting for it. */
    private static final long START_TIMEOUT_NANOS = 1_500_000_000L;
    private static final long RETRY_NANOS = 2_000_000_000L;
    private static final System.Logger LOG = System.getLogger("org.lumaflow.ui");

    private final Studio studio;
    private final Object lock = new Object();
    private final LevelMeter meter = new LevelMeter(AudioOutput.RATE);
    private final MeterRing ring = new MeterRing();
    private final float[] left = new float[SCRUB];
    private final float[] right = new float[SCRUB];
    private final byte[] pcm = new byte[SCRUB * 4];
    private Thread thread;
    private volatile boolean running = true;
    private volatile String status;
    /** Whether the output is open (then playback waits for it to start; an output still opening is not waited for). */
    private volatile boolean outputOpen;
    private volatile Runnable statusListener = () -> {
    };
    // requests, guarded by lock
    private long generation;
    private long playFrom = -1;
    private long scrubAt = -1;
    // the clock, guarded by lock
    private long clockGeneration = -1;
    private long clockSample;
    private long clockNanos;
    private long sessionEnd;
    private long sessionStartNanos;
    private boolean clockFailed;
    private boolean holdAtPlay;
    // audio thread only
    private AudioOutput output;
    private long lastOpenTry;
    private TimelineAudio audio;
    private Timeline audioOf;
    private long audioRevision = -1;

    public AudioPlayer(Studio studio) {
        this.studio = studio;
    }

    /** Plays from timeline sample {@code sample}. */
    public void play(long sample) {
        synchronized (lock) {
            generation++;
            playFrom = Math.max(0, sample);
            scrubAt = -1;
            sessionStartNanos = System.nanoTime();
            clockFailed = false;
            holdAtPlay = outputOpen;
            startThread();
            lock.notifyAll();
        }
    }

    /** Stops at once (what is buffered is dropped). */
    public void stop() {
        synchronized (lock) {
            if (playFrom >= 0) {
                generation++;
                playFrom = -1;
                lock.notifyAll();
            }
        }
    }

    /** Plays a short snippet at timeline sample {@code sample} (ignored while playing). */
    public void scrub(long sample) {
        synchronized (lock) {
            if (playFrom < 0) {
                scrubAt = Math.max(0, sample);
                startThread();
                lock.notifyAll();
            }
        }
    }

    /**
     * The timeline sample being heard at {@code nanos}, or -1 while the device has not started yet or there is no
     * sound clock (no device, stopped, too slow to start: then {@link #waiting} is false).
     */
    public double heardSample(long nanos) {
        synchronized (lock) {
            if (playFrom < 0 || clockGeneration != generation) {
                return -1;
            }
            double s = clockSample + (nanos - clockNanos) * (AudioOutput.RATE / 1e9);
            return Math.min(s, sessionEnd);
        }
    }

    /**
     * Whether playback should wait for the device to start (it is open and the clock comes soon). A device still
     * being opened is not waited for: the sound joins the picture where it is when it is ready.
     */
    public boolean waiting(long nanos) {
        synchronized (lock) {
            return playFrom >= 0 && clockGeneration != generation && !clockFailed && holdAtPlay
                    && nanos - sessionStartNanos < START_TIMEOUT_NANOS;
        }
    }

    /** Whether sound is playing or about to (a playback session is on). */
    public boolean playing() {
        synchronized (lock) {
            return playFrom >= 0;
        }
    }

    /** The meters, fed with the blocks being heard; call {@link #updateMeter} before reading. */
    public LevelMeter meter() {
        return meter;
    }

    /** Moves the levels of the blocks heard by {@code nanos} into the meter and lets it fall. */
    public void updateMeter(long nanos) {
        double heard = heardSample(nanos);
        if (heard >= 0) {
            ring.drainTo(meter, (long) heard, nanos);
        }
        meter.decay(nanos);
    }

    /** Why there is no sound (one sentence), or null while sound works or was not tried yet. */
    public String status() {
        return status;
    }

    /** The device sound goes to, or null. */
    public String device() {
        AudioOutput o = output;
        return o == null ? null : o.device();
    }

    /** Called (on the audio thread) when {@link #status} changes. */
    public void onStatus(Runnable r) {
        statusListener = r;
    }

    public void dispose() {
        running = false;
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    /**
     * Loads the device library in the background {@code delayMs} after now (off the start-up path), so the first
     * playback opens its output in milliseconds and its sound joins the picture at once.
     */
    public void warmUp(long delayMs) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMs);
                long t0 = System.nanoTime();
                AudioOutput.loadDevices();
                LOG.log(System.Logger.Level.INFO, "audio: devices loaded in " + (System.nanoTime() - t0) / 1_000_000
                        + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (AudioOutput.AudioException e) {
                LOG.log(System.Logger.Level.INFO, "audio: " + e.getMessage());
            }
        }, "lumaflow-audio-warmup");
        t.setDaemon(true);
        t.start();
    }

    private void startThread() {
        if (thread == null) {
            thread = new Thread(this::run, "lumaflow-audio");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        try {
            while (running) {
                long gen;
                long from;
                long scrub;
                synchronized (lock) {
                    while (running && playFrom < 0 && scrubAt < 0) {
                        lock.wait();
                    }
                    gen = generation;
                    from = playFrom;
                    scrub = scrubAt;
                    scrubAt = -1;
                }
                if (!running) {
                    break;
                }
                if (!ensureOutput(from >= 0) || !ensureAudio()) {
                    if (from >= 0) {
                        synchronized (lock) {
                            clockFailed |= generation == gen; // the picture stops waiting
                        }
                        waitWhile(gen);
                    }
                    continue;
                }
                if (from >= 0) {
                    session(gen, joinAt(from));
                } else {
                    snippet(scrub);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeAll();
        }
    }

    /** Where the picture is now when the sound starts late (the device was opened first): it ran from {@code from}. */
    private long joinAt(long from) {
        synchronized (lock) {
            return holdAtPlay ? from
                    : from + (long) ((System.nanoTime() - sessionStartNanos) * (AudioOutput.RATE / 1e9));
        }
    }

    private void waitWhile(long gen) throws InterruptedException {
        synchronized (lock) {
            while (running && generation == gen) {
                lock.wait();
            }
        }
    }

    /** Plays from {@code from} until the generation changes. */
    private void session(long gen, long from) {
        AudioOutput out = output;
        long base = out.next();
        long pos = from;
        ring.clear();
        meter.reset();
        try {
            while (running && current(gen)) {
                if (!ensureAudio()) {
                    break;
                }
                render(pos, BLOCK);
                ring.put(pos, left, right, BLOCK);
                Pcm.toS16(left, right, BLOCK, pcm);
                out.write(pcm, BLOCK);
                pos += BLOCK;
                long played = out.playedSample();
                long now = System.nanoTime();
                synchronized (lock) {
                    sessionEnd = pos;
                    if (played != Long.MIN_VALUE && played >= base && generation == gen) {
                        clockGeneration = gen;
                        clockSample = from + (played - base);
                        clockNanos = now;
                    } else if (clockGeneration != gen && now - sessionStartNanos > START_TIMEOUT_NANOS
                            && !clockFailed) {
                        clockFailed = true;
                        LOG.log(System.Logger.Level.WARNING, "audio: " + out.device() + " did not start playing "
                                + "within " + START_TIMEOUT_NANOS / 1_000_000 + " ms; the picture runs on its own clock");
                    }
                }
            }
        } catch (AudioOutput.AudioException e) {
            fail(e.getMessage());
        } finally {
            if (output != null) {
                output.flush();
            }
        }
    }

    private boolean current(long gen) {
        synchronized (lock) {
            return generation == gen;
        }
    }

    /** A short snippet at {@code at}, ramped in and out (no clicks). */
    private void snippet(long at) {
        render(at, SCRUB);
        for (int i = 0; i < RAMP; i++) {
            float g = i / (float) RAMP;
            left[i] *= g;
            right[i] *= g;
            left[SCRUB - 1 - i] *= g;
            right[SCRUB - 1 - i] *= g;
        }
        Pcm.toS16(left, right, SCRUB, pcm);
        try {
            output.write(pcm, SCRUB);
        } catch (AudioOutput.AudioException e) {
            fail(e.getMessage());
        }
    }

    private void render(long pos, int n) {
        try {
            audio.render(pos, n, left, right);
        } catch (MediaException e) {
            java.util.Arrays.fill(left, 0, n, 0f);
            java.util.Arrays.fill(right, 0, n, 0f);
            LOG.log(System.Logger.Level.WARNING, "audio: " + e.getMessage());
        }
    }

    private boolean ensureOutput(boolean playing) {
        if (output != null) {
            return true;
        }
        long now = System.nanoTime();
        if (!playing && status != null && now - lastOpenTry < RETRY_NANOS) {
            return false;
        }
        lastOpenTry = now;
        try {
            output = AudioOutput.open(SCRUB);
            LOG.log(System.Logger.Level.INFO, "audio: " + output.device() + " opened in "
                    + (System.nanoTime() - now) / 1_000_000 + " ms");
            outputOpen = true;
            if (status != null) {
                status = null;
                statusListener.run();
            }
            return true;
        } catch (AudioOutput.AudioException e) {
            fail(e.getMessage() + " (tried for " + (System.nanoTime() - now) / 1_000_000 + " ms)");
            return false;
        }
    }

    private void fail(String why) {
        String s = "No sound: " + why + "; playing silently";
        if (!s.equals(status)) {
            LOG.log(System.Logger.Level.WARNING, s);
            status = s;
            statusListener.run();
        }
        if (output != null) {
            output.close();
            output = null;
        }
        outputOpen = false;
    }

    /** Opens the timeline's sound again when it changed (edits, another project). */
    private boolean ensureAudio() {
        if (audio != null && studio.project() != null && audioOf == studio.timeline()
                && audioRevision == audioOf.revision()) {
            return true; // the common case, checked every block without the lock
        }
        Timeline tl;
        studio.readLock().lock();
        try {
            tl = studio.project() == null ? null : studio.timeline();
            if (tl == null) {
                return false;
            }
            if (audio != null && audioOf == tl && audioRevision == tl.revision()) {
                return true;
            }
            if (audio != null) {
                audio.close();
            }
            audio = TimelineAudio.open(tl, studio.project().baseDir(), studio.services().media());
            audioOf = tl;
            audioRevision = tl.revision();
            for (String p : audio.problems()) {
                LOG.log(System.Logger.Level.WARNING, "audio: " + p);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "audio: the timeline's sound cannot be opened: " + e.getMessage());
            audio = null;
            return false;
        } finally {
            studio.readLock().unlock();
        }
    }

    private void closeAll() {
        if (audio != null) {
            audio.close();
            audio = null;
        }
        if (output != null) {
            output.close();
            output = null;
        }
    }
}
