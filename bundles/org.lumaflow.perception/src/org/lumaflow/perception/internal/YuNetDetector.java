package org.lumaflow.perception.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;
import org.lumaflow.core.pool.Frame;
import org.lumaflow.perception.FaceBox;

/** The YuNet DNN ({@code FaceDetectorYN}) from a user-supplied ONNX model, on the BGR proxy. */
final class YuNetDetector implements Detector {

    private final Path model;
    private final FaceDetectorYN net;
    private final Mat bgr = new Mat();
    private final Mat faces = new Mat();
    private int inW;
    private int inH;

    YuNetDetector(Path model) throws IOException {
        if (!Files.isReadable(model)) {
            throw new IOException(model + ": face model not readable");
        }
        OpenCv.load();
        this.model = model;
        inW = 320;
        inH = 320;
        try (Size s = new Size(inW, inH)) {
            net = FaceDetectorYN.create(model.toString(), "", s, 0.6f, 0.3f, 50, 0, 0);
        } catch (RuntimeException e) {
            throw new IOException(model + ": OpenCV could not load the face model (" + e.getMessage() + ")", e);
        }
        if (net == null || net.isNull()) {
            throw new IOException(model + ": OpenCV could not load the face model");
        }
    }

    @Override
    public String name() {
        return "yunet:" + model.getFileName();
    }

    @Override
    public List<FaceBox> detect(Frame rgba) {
        int w = rgba.width();
        int h = rgba.height();
        if (w != inW || h != inH) {
            try (Size s = new Size(w, h)) {
                net.setInputSize(s);
            }
            inW = w;
            inH = h;
        }
        try (BytePointer px = new BytePointer(rgba.buffer()); Mat src = new Mat(h, w, CV_8UC4, px)) {
            opencv_imgproc.cvtColor(src, bgr, opencv_imgproc.COLOR_RGBA2BGR);
        }
        net.detect(bgr, faces);
        List<FaceBox> out = new ArrayList<>();
        if (!faces.empty()) {
            try (FloatIndexer ix = faces.createIndexer()) {
                for (long r = 0; r < faces.rows(); r++) {
                    out.add(new FaceBox(ix.get(r, 0) / w, ix.get(r, 1) / h, ix.get(r, 2) / w, ix.get(r, 3) / h,
                            ix.get(r, 14)));
                }
            }
        }
        out.sort(Comparator.comparingDouble(FaceBox::area).reversed());
        return out;
    }

    @Override
    public void close() {
        net.close();
        bgr.close();
        faces.close();
    }
}
