package org.lumaflow.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.lumaflow.cli.UsageException;
import org.lumaflow.export.ExportSettings;
import org.lumaflow.qc.QcOptions;

/**
 * The QC threshold options shared by {@code qc} and {@code export}: {@code --qc-preset NAME} and one option per
 * detector threshold, each mapped to its FFmpeg name ({@link QcOptions#KEYS}) and parsed in FFmpeg's units.
 */
final class QcArgs {

    /** Option (without {@code --}) to threshold key, in help order. */
    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("black-min", "blackdetect.d");
        OPTIONS.put("black-pixel", "blackdetect.pix_th");
        OPTIONS.put("black-picture", "blackdetect.pic_th");
        OPTIONS.put("freeze-noise", "freezedetect.n");
        OPTIONS.put("freeze-min", "freezedetect.d");
        OPTIONS.put("scene", "scdet.threshold");
        OPTIONS.put("clip-ratio", "clipping.ratio");
        OPTIONS.put("silence-noise", "silencedetect.n");
        OPTIONS.put("silence-min", "silencedetect.d");
    }

    private QcArgs() {
    }

    /** The valued options: {@code qc-preset}, the thresholds, and {@code others}. */
    static Set<String> valued(String... others) {
        Set<String> s = new LinkedHashSet<>(Set.of(others));
        s.add("qc-preset");
        s.addAll(OPTIONS.keySet());
        return s;
    }

    /**
     * Takes the QC options out of {@code args} (so a command can parse the rest as before) and returns them parsed
     * and checked; for {@code export}, whose {@code --preset} is the encoder's.
     */
    static Args take(List<String> args) throws UsageException {
        Set<String> names = valued();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            String name = s.startsWith("--") ? s.substring(2).split("=", 2)[0] : null;
            if (name != null && names.contains(name)) {
                mine.add(args.remove(i--));
                if (!s.contains("=") && i + 1 < args.size()) {
                    mine.add(args.remove(i + 1));
                }
            }
        }
        Args a = Args.parse(mine, names, Set.of());
        options(a, null); // bad values fail before any work
        return a;
    }

    /**
     * The export's settings with the QC thresholds of {@code qcArgs} (from {@link #take}); none given: unchanged
     * (FFmpeg's defaults).
     *
     * @throws UsageException for a bad value, or thresholds with {@code --no-qc}
     */
    static ExportSettings export(ExportSettings s, Args qcArgs) throws UsageException {
        if (!given(qcArgs)) {
            return s;
        }
        if (!s.qc()) {
            throw new UsageException("QC thresholds (" + String.join(" ", qcArgs.options.keySet().stream().map(
                    k -> "--" + k).toList()) + ") need QC on: drop --no-qc");
        }
        return s.withQcOptions(options(qcArgs, null));
    }

    /** Whether any QC option was given. */
    static boolean given(Args a) {
        return a.flag("qc-preset") || OPTIONS.keySet().stream().anyMatch(a::flag);
    }

    /**
     * The preset named by {@code --qc-preset} (or {@code presetAlias}, e.g. {@code preset} on {@code qc}), default
     * {@code default}, with each threshold option applied.
     *
     * @throws UsageException naming the option, the value and what it accepts
     */
    static QcOptions options(Args a, String presetAlias) throws UsageException {
        String preset = a.get("qc-preset");
        String presetOption = "--qc-preset";
        if (presetAlias != null && a.flag(presetAlias)) {
            if (preset != null) {
                throw new UsageException("give --" + presetAlias + " or --qc-preset, not both");
            }
            preset = a.get(presetAlias);
            presetOption = "--" + presetAlias;
        }
        QcOptions o;
        try {
            o = QcOptions.preset(preset == null ? "default" : preset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown " + presetOption + " '" + preset + "' (available: "
                    + String.join(", ", QcOptions.presets().keySet()) + ")");
        }
        for (Map.Entry<String, String> opt : OPTIONS.entrySet()) {
            String v = a.get(opt.getKey());
            if (v != null) {
                try {
                    o = o.with(opt.getValue(), v);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("bad --" + opt.getKey() + " '" + v + "': expected "
                            + QcOptions.accepted(opt.getValue()));
                }
            }
        }
        return o;
    }

    /** Help lines for the options, {@code presetOption} naming the preset option shown. */
    static String usage(String presetOption) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "  %-22s detector thresholds from a preset (%sdefault: default):%n",
                presetOption + " NAME", presetOption.equals("--qc-preset") ? "" : "or --qc-preset; "));
        for (Map.Entry<String, String> p : QcOptions.presets().entrySet()) {
            s.append(String.format(Locale.ROOT, "  %-22s   %-10s %s%n", "", p.getKey(), p.getValue()));
        }
        s.append("  then single thresholds, in the units of FFmpeg's option [filter option=default]: durations as\n"
                + "  0.5, 500ms or 00:00:00.5; noise as an amplitude ratio (0.001) or in dB (-60dB)\n");
        String[] args = {"S", "F", "F", "N", "S", "T", "F", "N", "S"};
        String[] what = {"shortest black segment [blackdetect d=2]", "black pixel level [blackdetect pix_th=0.10]",
            "black pixels per picture [blackdetect pic_th=0.98]", "freeze noise [freezedetect n=-60dB]",
            "shortest freeze [freezedetect d=2]", "scene change score 0..100 [scdet threshold=10]",
            "clipping pixels per picture [ours: 0.01]", "silence level [silencedetect n=-60dB]",
            "shortest silence [silencedetect d=2]"};
        int i = 0;
        for (String opt : OPTIONS.keySet()) {
            s.append(String.format(Locale.ROOT, "  %-22s %s%n", "--" + opt + " " + args[i], what[i]));
            i++;
        }
        return s.toString().stripTrailing();
    }
}
