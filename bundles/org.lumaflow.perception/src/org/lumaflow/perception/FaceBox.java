package org.lumaflow.perception;

/**
 * A face found in a picture: a box in normalized picture coordinates ({@code 0,0} top left, {@code 1,1} bottom right
 * of the displayed picture, independent of the resolution it was found at) and the detector's confidence.
 *
 * @param x left edge, 0..1
 * @param y top edge, 0..1
 * @param w width, 0..1
 * @param h height, 0..1
 * @param confidence 0..1 (a cascade detector reports how many neighbouring windows agreed, mapped to 0..1; a DNN its
 *        score)
 */
public record FaceBox(double x, double y, double w, double h, double confidence) {

    /** Horizontal centre. */
    public double centerX() {
        return x + w / 2;
    }

    /** Vertical centre. */
    public double centerY() {
        return y + h / 2;
    }

    /** Area (normalized units). */
    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    /** Intersection over union with {@code o}: 1 for equal boxes, 0 for disjoint ones. */
    public double iou(FaceBox o) {
        double ix = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
        double iy = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double inter = ix * iy;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** The box {@code u} of the way from this one to {@code o} (each coordinate and the confidence linearly). */
    public FaceBox lerp(FaceBox o, double u) {
        return new FaceBox(x + (o.x - x) * u, y + (o.y - y) * u, w + (o.w - w) * u, h + (o.h - h) * u,
                confidence + (o.confidence - confidence) * u);
    }

    /** This box grown by {@code fraction} of its size on every side (shrunk for a negative value), same centre. */
    public FaceBox expand(double fraction) {
        double dx = w * fraction;
        double dy = h * fraction;
        return new FaceBox(x - dx, y - dy, w + 2 * dx, h + 2 * dy, confidence);
    }
}
