package org.lumaflow.perception.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.lumaflow.perception.Detection;

/**
 * A YOLO-family ONNX model through OpenCV dnn (CPU). A batch of pictures becomes one blob ({@code blobFromImages}:
 * stretched to the square input, RGB, 0..1) and one forward pass; a model exported with a fixed batch of 1 is run
 * picture by picture instead.
 */
final class YoloDetector implements ObjectDetector {

    /** Intermediate tensors of the small YOLO models, as a multiple of the input blob. */
    static final int ACTIVATION_FACTOR = 24;
    static final double NMS_IOU = 0.45;

    private final Path model;
    private final Net net;
    private final int input;
    private final double minConfidence;
    private final Size inputSize;
    private final Scalar zero = new Scalar(0.0);
    private boolean fixedBatch;
    private float[] values = new float[0];

    YoloDetector(Path model, int input, double minConfidence) throws IOException {
        this.model = model;
        if (!Files.isRegularFile(model)) {
            throw new IOException(model + ": no such model file (the YOLO ONNX model to detect people and vehicles)");
        }
        if (!Files.isReadable(model)) {
            throw new IOException(model + ": the YOLO model is not readable");
        }
        OpenCv.loadDnn();
        Net n;
        try {
            n = opencv_dnn.readNetFromONNX(model.toString());
        } catch (RuntimeException e) {
            throw new IOException(model + ": not a usable ONNX model (OpenCV: " + firstLine(e.getMessage()) + ")", e);
        }
        if (n == null || n.isNull() || n.empty()) {
            throw new IOException(model + ": not a usable ONNX model (OpenCV read no network from it)");
        }
        net = n;
        net.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
        net.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
        this.input = input;
        this.minConfidence = minConfidence;
        inputSize = new Size(input, input);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        String t = s.strip();
        int e = t.indexOf("error: (");
        if (e >= 0) { // "OpenCV(4.13.0) /long/build/path/file.cpp:284: error: (-210:...) what"
            t = t.substring(e + "error: ".length());
        }
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    @Override
    public String name() {
        return "yolo:" + model.getFileName();
    }

    @Override
    public long bytesPerPicture(int w, int h) {
        return BatchSizer.dnnBytes(w, h, input, ACTIVATION_FACTOR);
    }

    @Override
    public List<List<Detection>> detect(Mat[] pictures, int n) {
        List<List<Detection>> out = new ArrayList<>(n);
        if (!fixedBatch) {
            try {
                forward(pictures, 0, n, out);
                return out;
            } catch (RuntimeException e) {
                if (n == 1) {
                    throw failed(e);
                }
                fixedBatch = true; // exported with batch 1: one picture per pass from now on
                out.clear();
            }
        }
        for (int i = 0; i < n; i++) {
            try {
                forward(pictures, i, 1, out);
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }
        return out;
    }

    private IllegalStateException failed(RuntimeException e) {
        return new IllegalStateException(model + ": the model failed to run (OpenCV: " + firstLine(e.getMessage())
                + ")", e);
    }

    private void forward(Mat[] pictures, int from, int n, List<List<Detection>> out) {
        try (MatVector batch = new MatVector(n)) {
            for (int i = 0; i < n; i++) {
                batch.put(i, pictures[from + i]);
            }
            try (Mat blob = opencv_dnn.blobFromImages(batch, 1 / 255.0, inputSize, zero, true, false, 5)) {
                net.setInput(blob);
                try (Mat result = net.forward()) {
                    decode(result, n, out);
                }
            }
        }
    }

    private void decode(Mat result, int n, List<List<Detection>> out) {
        int dims = result.dims();
        int rows;
        int cols;
        if (dims == 3) {
            if (result.size(0) != n) {
                throw new IllegalStateException("output batch " + result.size(0) + " for " + n + " pictures");
            }
            rows = result.size(1);
            cols = result.size(2);
        } else if (dims == 2 && n == 1) {
            rows = result.size(0);
            cols = result.size(1);
        } else {
            throw new IllegalStateException("unexpected output with " + dims + " dimensions");
        }
        int per = rows * cols;
        if (values.length < per * n) {
            values = new float[per * n];
        }
        try (FloatPointer p = new FloatPointer(result.data())) {
            p.get(values, 0, per * n);
        }
        int classes = classesFor(rows, cols);
        for (int i = 0; i < n; i++) {
            out.add(YoloOutput.decode(values, i * per, rows, cols, classes, input, minConfidence, NMS_IOU));
        }
    }

    /** Class count from the shape: YOLOv5 {@code [A, 5+C]}, YOLOv8 {@code [4+C, A]} or its transpose. */
    static int classesFor(int rows, int cols) {
        if (rows > cols) {
            return cols == YoloOutput.COCO.length + 4 ? YoloOutput.COCO.length : cols - 5;
        }
        return rows - 4;
    }

    @Override
    public void close() {
        net.close();
        inputSize.close();
        zero.close();
    }
}
