package org.lumaflow.live.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.live.LiveConfig;
import org.lumaflow.live.LiveException;
import org.lumaflow.live.LiveListener;
import org.lumaflow.live.LiveService;
import org.lumaflow.live.LiveSession;
import org.lumaflow.live.LiveStats;
import org.lumaflow.live.Secrets;
import org.lumaflow.live.SourceInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code lumaflow live}: lists capture sources, or runs a live session (record and stream at once) from options or
 * a live graph file, printing a statistics line once a second; stops cleanly on Ctrl-C or after {@code --duration}.
 */
@Component(service = CliCommand.class)
public final class LiveCommand implements CliCommand {

    @Reference
    private LiveService service;

    /** For DS. */
    public LiveCommand() {
    }

    /** Outside OSGi. */
    public LiveCommand(LiveService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public String summary() {
        return "capture, compose, record and stream live (screen, camera, audio, network, test pattern)";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow live --list-sources
                       lumaflow live --source KIND[:SPEC] [--source ...] [--layout full|pip|side] [--effects FILE]
                                     [--record FILE] [--stream URL ...] [--duration SECONDS] [--size WxH] [--rate R]
                                     [--drop never|adaptive|aggressive] [--encoder NAME] [--bitrate R]
                                     [--keyframe SECONDS] [--backend auto|gpu|cpu] [--option KEY=VALUE ...]
                       lumaflow live GRAPH.json [options overriding the file's]
                       lumaflow live ... --save GRAPH.json [--keep-secrets]
                  KIND is screen (SPEC: display and region, e.g. :0.0+0,0 1280x720), camera (device), audio
                  (device), url (srt://, udp://, rtmp:// input) or test (a moving pattern); see --list-sources.
                  --layout       full: first video source; pip: second as an inset; side: side by side
                  --effects FILE a project file whose clip with source type live.program carries the effects
                                 applied to the composed picture (grade, LUT, text, plugins)
                  --record FILE  record to .mp4 (fragmented), .mkv or .mov; finalised on a clean stop
                  --stream URL   srt://, rtmp(s)://, WHIP (whip://, https://) targets; repeatable
                  --duration S   stop after S seconds (default: until Ctrl-C)
                  --size WxH     output size (default 1280x720); --rate R frames per second (default 30)
                  --drop         when processing falls behind: never, adaptive (default: skip late ticks),
                                 aggressive (also render smaller until it keeps up)
                  --encoder NAME video encoder (default auto); --bitrate R bits per second (6M, 2500k)
                  --option K=V   source, encoder and output options (latency=120, passphrase=..., pool_budget=512M,
                                 memory_limit=2G); repeatable
                  --save FILE    write the settings as a live graph file and exit; stream keys and passphrases
                                 are masked unless --keep-secrets is given
                  a statistics line goes to stderr once a second; exit 0 after a clean stop (files finalised),
                  2 for bad options, 1 when the session fails""";
    }

    @Override
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        LiveSettings s;
        LiveConfig config;
        try {
            LiveSettings cli = LiveSettings.parse(argv);
            LiveSettings base = cli.graphFile == null ? null : LiveGraphFile.read(cli.graphFile);
            s = cli.overlay(base);
            if (s.listSources) {
                return list(out);
            }
            if (s.save != null) {
                return save(s, out, err);
            }
            config = s.toConfig();
        } catch (UsageException e) {
            err.println("lumaflow live: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        return runSession(config, out, err);
    }

    private int list(PrintStream out) {
        List<SourceInfo> all = service.listSources();
        if (all.isEmpty()) {
            out.println("no capture sources found");
            return 0;
        }
        for (SourceInfo i : all) {
            String spec = i.kind() + (i.spec().isEmpty() ? "" : ":" + i.spec());
            out.printf(Locale.ROOT, "%-36s %-11s %s%n", Secrets.mask(spec), (i.video() ? "video" : "")
                    + (i.video() && i.audio() ? "+" : "") + (i.audio() ? "audio" : ""), i.description());
        }
        return 0;
    }

    private static int save(LiveSettings s, PrintStream out, PrintStream err) {
        try {
            LiveGraphFile.Saved r = LiveGraphFile.write(s, s.save, s.keepSecrets);
            out.println("wrote " + s.save);
            if (s.keepSecrets) {
                err.println("lumaflow live: " + s.save + " keeps stream keys and passphrases in clear text "
                        + "(--keep-secrets); it is readable by you only: keep it private");
            } else if (r.masked()) {
                err.println("lumaflow live: stream keys and passphrases were masked (" + Secrets.MASK + ") in "
                        + s.save + "; give them again when running it, or save with --keep-secrets");
            }
            return 0;
        } catch (IOException e) {
            err.println("lumaflow live: cannot write " + s.save + ": " + Secrets.mask(e.getMessage()));
            return 1;
        }
    }

    private int runSession(LiveConfig config, PrintStream out, PrintStream err) throws InterruptedException {
        LiveListener listener = new LiveListener() {
            @Override
            public void stats(LiveStats st) {
                err.println(st.line());
            }

            @Override
            public void event(Level level, String message) {
                err.println("lumaflow live: " + level.name().toLowerCase(Locale.ROOT) + ": " + message);
            }
        };
        LiveSession session;
        try {
            session = service.start(config, listener);
        } catch (LiveException e) {
            err.println("lumaflow live: " + Secrets.mask(e.getMessage()));
            return 1;
        }
        Thread hook = new Thread(session::stop, "lumaflow live stop");
        Runtime.getRuntime().addShutdownHook(hook); // Ctrl-C, SIGTERM: stop and wait for the files to finalise
        Interrupts.onInterrupt(() -> new Thread(session::stop, "lumaflow live stop").start());
        try {
            while (!session.await(Duration.ofMillis(250))) {
                // statistics arrive through the listener
            }
        } finally {
            Interrupts.restore();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        LiveStats st = session.stats();
        if (session.failure() != null) {
            err.println("lumaflow live: " + Secrets.mask(session.failure()));
            return 1;
        }
        out.printf(Locale.ROOT, "live: %d frames %dx%d in %.1f s, dropped cap/proc/enc/send %d/%d/%d/%d%n",
                st.encodedFrames(), config.width(), config.height(), st.seconds(), st.droppedCapture(),
                st.droppedProcess(), st.droppedEncode(), st.droppedSend());
        if (config.record() != null) {
            out.println("recorded " + config.record());
        }
        return 0;
    }
}
