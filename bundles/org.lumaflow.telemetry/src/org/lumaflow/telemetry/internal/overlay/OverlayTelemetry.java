package org.lumaflow.telemetry.internal.overlay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gives the overlay nodes the {@link TelemetryService} (the way the perception nodes get the face analyzer, but held
 * statically: nodes register whether or not a service is there, and warn while none is) and keeps the prepared
 * {@link Track} of the last few files (keyed by path, size and modification time).
 */
@Component(service = OverlayTelemetry.class, immediate = true)
public final class OverlayTelemetry {

    private static volatile TelemetryService service;
    private static final int TRACKS = 8;
    private static final Map<String, Track> TRACK_CACHE = new LinkedHashMap<>(16, 0.75f, true);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindService(TelemetryService s) {
        service = s;
    }

    void unbindService(TelemetryService s) {
        if (service == s) {
            service = null;
        }
        synchronized (TRACK_CACHE) {
            TRACK_CACHE.clear();
        }
    }

    /** The service now, or null. */
    static TelemetryService service() {
        return service;
    }

    /**
     * The prepared track of {@code file}, read through the service (once per file version).
     *
     * @throws IOException naming the file when it cannot be read (the service's message), or when no service runs
     */
    static Track track(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String key = file.toAbsolutePath().normalize() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
        synchronized (TRACK_CACHE) {
            Track t = TRACK_CACHE.get(key);
            if (t != null) {
                return t;
            }
        }
        TelemetryService s = service;
        if (s == null) {
            throw new IOException("no telemetry service is running: telemetry of " + file + " unavailable");
        }
        Telemetry tel = s.read(file);
        Track t = new Track(tel);
        synchronized (TRACK_CACHE) {
            TRACK_CACHE.put(key, t);
            while (TRACK_CACHE.size() > TRACKS) {
                TRACK_CACHE.remove(TRACK_CACHE.keySet().iterator().next());
            }
        }
        return t;
    }
}
