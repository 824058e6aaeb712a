package org.lumaflow.perception;

/**
 * One object found in a picture. The box is normalized to the picture (0..1, top-left origin).
 *
 * @param label the class name ({@code "person"}, {@code "car"}, ...)
 * @param kind the broad kind the highlights use
 * @param x left edge
 * @param y top edge
 * @param w width
 * @param h height
 * @param confidence 0..1
 */
public record Detection(String label, Kind kind, double x, double y, double w, double h, double confidence) {

    /** Broad object kinds. */
    public enum Kind {
        /** A person (pedestrian, rider, skier...). */
        PERSON,
        /** A car, truck, bus, motorcycle, bicycle, train, boat or aeroplane. */
        VEHICLE,
        /** Anything else the model knows. */
        OTHER
    }

    /** Area as a fraction of the picture. */
    public double area() {
        return w * h;
    }

    /** Intersection over union with {@code o} (0 when disjoint). */
    public double iou(Detection o) {
        double ix = Math.max(0, Math.min(x + w, o.x + o.w) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + h, o.y + o.h) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
