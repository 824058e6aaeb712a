package org.lumaflow.perception.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lumaflow.perception.Detection;

/**
 * Decodes the output tensor of YOLO-family detectors and suppresses overlapping boxes. Two layouts, per picture:
 * <ul>
 * <li>YOLOv5 (also v7): {@code [anchors, 5 + classes]}, each row {@code cx, cy, w, h, objectness, class scores...};
 * confidence = objectness x class score.</li>
 * <li>YOLOv8 (also v9, v11): {@code [4 + classes, anchors]} (channels first), rows {@code cx, cy, w, h, class
 * scores...} with no objectness; the transposed form {@code [anchors, 4 + classes]} is read too.</li>
 * </ul>
 * Coordinates are in input pixels; boxes come out normalized by the input size (the picture was stretched to it).
 */
final class YoloOutput {

    /** The 80 COCO class names, in model order. */
    static final String[] COCO = {"person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat",
        "traffic light", "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep",
        "cow", "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee",
        "skis", "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard",
        "tennis racket", "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
        "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch",
        "potted plant", "bed", "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard", "cell phone",
        "microwave", "oven", "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors", "teddy bear",
        "hair drier", "toothbrush"};

    /** Output layouts. */
    enum Layout {
        V5, V8, V8_TRANSPOSED
    }

    private YoloOutput() {
    }

    /**
     * The layout of a per-picture output of {@code rows x cols} for a model of {@code classes} classes.
     *
     * @throws IllegalArgumentException when the shape fits neither layout
     */
    static Layout layout(int rows, int cols, int classes) {
        if (cols == classes + 5 && rows > cols) {
            return Layout.V5;
        }
        if (rows == classes + 4 && cols > rows) {
            return Layout.V8;
        }
        if (cols == classes + 4 && rows > cols) {
            return Layout.V8_TRANSPOSED;
        }
        throw new IllegalArgumentException("output " + rows + "x" + cols + " is neither YOLOv5 [anchors, " + (classes
                + 5) + "] nor YOLOv8 [" + (classes + 4) + ", anchors] for " + classes + " classes");
    }

    /**
     * The boxes of one picture: {@code data[offset..]} holds its {@code rows x cols} floats (row-major); boxes under
     * {@code minConfidence} are dropped, the rest go through class-wise non-maximum suppression at {@code iou}.
     */
    static List<Detection> decode(float[] data, int offset, int rows, int cols, int classes, int input,
            double minConfidence, double iou) {
        Layout layout = layout(rows, cols, classes);
        int anchors = layout == Layout.V8 ? cols : rows;
        List<Detection> found = new ArrayList<>();
        for (int a = 0; a < anchors; a++) {
            double cx = at(data, offset, layout, rows, cols, a, 0);
            double cy = at(data, offset, layout, rows, cols, a, 1);
            double bw = at(data, offset, layout, rows, cols, a, 2);
            double bh = at(data, offset, layout, rows, cols, a, 3);
            int first = layout == Layout.V5 ? 5 : 4;
            double objectness = layout == Layout.V5 ? at(data, offset, layout, rows, cols, a, 4) : 1;
            if (objectness < minConfidence) {
                continue;
            }
            int best = -1;
            double bestScore = 0;
            for (int c = 0; c < classes; c++) {
                double s = at(data, offset, layout, rows, cols, a, first + c);
                if (s > bestScore) {
                    bestScore = s;
                    best = c;
                }
            }
            double conf = objectness * bestScore;
            if (best < 0 || conf < minConfidence || !(bw > 0) || !(bh > 0)) {
                continue;
            }
            String label = best < COCO.length ? COCO[best] : "class" + best;
            found.add(Detections.clip(new Detection(label, kind(best), (cx - bw / 2) / input, (cy - bh / 2) / input,
                    bw / input, bh / input, conf)));
        }
        return nms(found, iou);
    }

    private static double at(float[] d, int offset, Layout l, int rows, int cols, int anchor, int attr) {
        return l == Layout.V8 ? d[offset + attr * cols + anchor] : d[offset + anchor * cols + attr];
    }

    /** COCO class index to kind: 0 person; 1..8 bicycle, car, motorcycle, airplane, bus, train, truck, boat. */
    static Detection.Kind kind(int cocoClass) {
        if (cocoClass == 0) {
            return Detection.Kind.PERSON;
        }
        return cocoClass >= 1 && cocoClass <= 8 ? Detection.Kind.VEHICLE : Detection.Kind.OTHER;
    }

    /**
     * Class-wise non-maximum suppression: highest confidence first, a box is dropped when it overlaps a kept box of
     * the same label by more than {@code iou}. Returns the kept boxes, largest first.
     */
    static List<Detection> nms(List<Detection> boxes, double iou) {
        List<Detection> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            boolean keep = true;
            for (Detection k : kept) {
                if (k.label().equals(d.label()) && k.iou(d) > iou) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingDouble(Detection::area).reversed());
        return kept;
    }
}
