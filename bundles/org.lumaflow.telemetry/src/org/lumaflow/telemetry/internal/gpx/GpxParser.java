package org.lumaflow.telemetry.internal.gpx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import org.lumaflow.telemetry.Channel;
import org.lumaflow.telemetry.Channels;
import org.lumaflow.telemetry.Telemetry;
import org.lumaflow.telemetry.TelemetryException;
import org.lumaflow.telemetry.TelemetryOptions;
import org.lumaflow.telemetry.TelemetryParser;
import org.lumaflow.telemetry.internal.service.Columns;
import org.osgi.service.component.annotations.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.jenetics.jpx.GPX;
import io.jenetics.jpx.Track;
import io.jenetics.jpx.TrackSegment;
import io.jenetics.jpx.WayPoint;

/**
 * GPX 1.0/1.1 tracks (read with jenetics jpx): track points to latitude, longitude, elevation, speed (from the file or
 * from the positions), and heart rate, cadence, power and temperature from Garmin's TrackPointExtension where present.
 * Time is in seconds since the first point's time ({@link Telemetry#utcStart()}).
 */
@Component(service = TelemetryParser.class)
public final class GpxParser implements TelemetryParser {

    static final List<Channel> CHANNELS = List.of(new Channel(Channels.LAT, "deg"), new Channel(Channels.LON, "deg"),
            new Channel(Channels.ALT, "m"), new Channel(Channels.SPEED_2D, "m/s"),
            new Channel(Channels.HEART_RATE, "bpm"), new Channel(Channels.CADENCE, "rpm"),
            new Channel(Channels.POWER, "W"), new Channel(Channels.TEMPERATURE, "°C"));

    @Override
    public String format() {
        return "gpx";
    }

    @Override
    public List<String> extensions() {
        return List.of("gpx");
    }

    @Override
    public boolean accepts(Path file, ByteBuffer head) {
        byte[] b = new byte[head.remaining()];
        head.duplicate().get(b);
        String s = new String(b, StandardCharsets.UTF_8);
        return s.contains("<gpx");
    }

    @Override
    public Telemetry read(Path file, TelemetryOptions options) throws IOException {
        GPX gpx;
        try (InputStream in = Files.newInputStream(file)) {
            gpx = GPX.Reader.of(GPX.Reader.Mode.LENIENT).read(in);
        } catch (IOException | RuntimeException e) {
            throw new TelemetryException(file, position(file, e), "not a readable GPX file: " + reason(e), e);
        }
        Columns c = new Columns(CHANNELS);
        List<String> issues = new ArrayList<>();
        Instant start = null;
        int points = 0;
        int untimed = 0;
        for (Track trk : gpx.getTracks()) {
            for (TrackSegment seg : trk.getSegments()) {
                for (WayPoint p : seg.getPoints()) {
                    points++;
                    Instant t = p.getTime().orElse(null);
                    if (t == null) {
                        untimed++;
                        continue;
                    }
                    if (start == null) {
                        start = t;
                    }
                    double sec = java.time.Duration.between(start, t).toNanos() / 1e9;
                    if (!c.add(sec)) {
                        issues.add(file.getFileName() + ": track point " + points + ": time " + t
                                + " not after the previous point's, skipped");
                        continue;
                    }
                    c.set(0, p.getLatitude().doubleValue());
                    c.set(1, p.getLongitude().doubleValue());
                    p.getElevation().ifPresent(e -> c.set(2, e.doubleValue()));
                    p.getSpeed().ifPresent(s -> c.set(3, s.doubleValue()));
                    p.getExtensions().ifPresent(d -> extensions(d, c));
                }
            }
        }
        if (points == 0) {
            throw new TelemetryException(file, null, "no track points (<trkpt>) in this GPX file; routes and"
                    + " waypoints have no times to align with video");
        }
        if (c.size() == 0) {
            throw new TelemetryException(file, "track point 1", "no track point has a <time>: cannot place the"
                    + " track in time");
        }
        if (untimed > 0) {
            issues.add(file.getFileName() + ": " + untimed + " of " + points + " track points have no <time>,"
                    + " skipped");
        }
        int splits = c.speedFromPositions(0, 1, 3, 4.0, 350);
        if (splits > 0) {
            issues.add(file.getFileName() + ": " + splits + " position jumps faster than 350 m/s: no speed computed"
                    + " across them");
        }
        Map<String, org.lumaflow.telemetry.TimeSeries> streams = Map.of("gpx", c.build("gpx", 30.0));
        String creator = gpx.getCreator() == null ? "" : gpx.getCreator();
        return new Telemetry(file, format(), creator, start, false, streams, List.of(), issues);
    }

    /** Garmin TrackPointExtension v1/v2 ({@code hr}, {@code cad}, {@code atemp}) and a plain {@code power}. */
    private static void extensions(Document d, Columns c) {
        walk(d.getDocumentElement(), c);
    }

    private static void walk(Node n, Columns c) {
        if (n == null) {
            return;
        }
        NodeList kids = n.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String name = k.getLocalName() != null ? k.getLocalName() : k.getNodeName();
            name = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
            int col = switch (name) {
                case "hr" -> 4;
                case "cad" -> 5;
                case "power", "watts" -> 6;
                case "atemp", "wtemp" -> 7;
                default -> -1;
            };
            if (col >= 0) {
                try {
                    c.set(col, Double.parseDouble(k.getTextContent().strip()));
                } catch (NumberFormatException e) {
                    // not a number: ignore this field
                }
            } else {
                walk(k, c);
            }
        }
    }

    /** Where the XML breaks: from the exception, else found by reading the file again with StAX. */
    private static String position(Path file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException x && x.getLocation() != null) {
                return at(x.getLocation());
            }
        }
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(file)) {
            javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                r.next();
            }
        } catch (XMLStreamException x) {
            return x.getLocation() == null ? null : at(x.getLocation());
        } catch (IOException | RuntimeException x) {
            return null;
        }
        return null;
    }

    private static String at(Location l) {
        return "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? "unexpected content" : root.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + 9) : m).strip();
    }
}
