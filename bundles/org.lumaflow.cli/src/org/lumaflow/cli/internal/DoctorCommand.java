package org.lumaflow.cli.internal;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.lumaflow.cli.CliCommand;
import org.lumaflow.cli.UsageException;
import org.lumaflow.core.natives.NativeCheck;
import org.lumaflow.core.natives.NativeLibrarySet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code lumaflow doctor}: unpacks every native library family (FFmpeg, OpenCV, LWJGL), checks that each resolves
 * against the system's libraries, that the ones opened by name (the Vulkan loader) exist and that Java2D can draw
 * text, and names the Debian/Ubuntu packages to install for what is missing.
 */
@Component(service = CliCommand.class)
public final class DoctorCommand implements CliCommand {

    private final List<NativeLibrarySet> sets = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSet(NativeLibrarySet s) {
        sets.add(s);
    }

    void removeSet(NativeLibrarySet s) {
        sets.remove(s);
    }

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "check that the native libraries and fonts work on this machine; name the packages to install";
    }

    @Override
    public String usage() {
        return """
                usage: lumaflow doctor
                  unpacks FFmpeg, OpenCV and LWJGL's native libraries, checks that every system library they need
                  is installed (ldd), that the Vulkan loader exists (GPU backend) and that text can be drawn (titles),
                  and prints the apt-get line for what is missing; exit 1 when something is""";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (!args.isEmpty()) {
            throw new UsageException("doctor takes no arguments, got " + args);
        }
        Set<String> packages = new LinkedHashSet<>();
        boolean ok = true;
        for (NativeLibrarySet s : List.copyOf(sets)) {
            List<Path> folders;
            try {
                folders = s.unpack();
            } catch (IOException e) {
                out.println(s.name() + ": cannot unpack: " + e.getMessage());
                ok = false;
                continue;
            }
            List<NativeCheck.Missing> missing = NativeCheck.check(folders);
            List<String> byName = new ArrayList<>();
            for (String soname : s.openedByName()) {
                if (NativeCheck.findSystemLibrary(soname).isEmpty()) {
                    byName.add(soname + " (package " + NativeCheck.debianPackage(soname) + ")");
                    packages.add(NativeCheck.debianPackage(soname));
                }
            }
            if (missing.isEmpty() && byName.isEmpty()) {
                out.println(s.name() + ": ok (" + folders.size() + " folder(s): " + folders + ")");
                continue;
            }
            ok = false;
            out.println(s.name() + ": missing system libraries:");
            missing.forEach(m -> out.println("  " + m));
            byName.forEach(b -> out.println("  " + b + ", opened at run time"));
            packages.addAll(List.of(NativeCheck.packages(missing).split(" ")));
        }
        String text = textCheck();
        if (text == null) {
            out.println("Java2D text (titles): ok");
        } else {
            ok = false;
            out.println("Java2D text (titles): fails: " + text);
            packages.add("fontconfig");
            packages.add("fonts-dejavu-core");
        }
        packages.remove("");
        if (ok) {
            out.println("everything needed is installed");
            return 0;
        }
        if (!packages.isEmpty()) {
            out.println("install: apt-get install -y --no-install-recommends " + String.join(" ", packages));
        }
        return 1;
    }

    /** Null when Java2D draws a string; else what went wrong (no fonts at all, no font configuration). */
    static String textCheck() {
        try {
            BufferedImage img = new BufferedImage(64, 16, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            try {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString("Lumaflow", 0, 12);
            } finally {
                g.dispose();
            }
            return null;
        } catch (RuntimeException | Error e) {
            return e.getMessage() != null ? e.getMessage() : "Java2D cannot load any font";
        }
    }
}
