// A "glass" for the live latency benchmark: an undecorated window filling the X display, redrawn as fast as the
// display takes it with moving content (so encoders have real work) and, in the top-left band, the wall clock in
// milliseconds (low 32 bits) as a Lumaflow frame stamp (the layout of org.lumaflow.live.internal.capture.FrameStamp:
// cells of W/48, band 2*W/48 high, cell 0 white, cell 1 black, 32 bits MSB first, CRC-8 poly 0x07 xor 0x55).
// A receiver that decodes the stream and reads the stamp gets glass-to-glass latency = its clock - the stamp.
//   DISPLAY=:N java StampClock.java WIDTH HEIGHT
import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Toolkit;
import java.awt.image.BufferStrategy;

public class StampClock {
    static int crc8(int n) {
        int crc = 0;
        for (int k = 3; k >= 0; k--) {
            crc ^= (n >>> (k * 8)) & 0xFF;
            for (int j = 0; j < 8; j++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc ^ 0x55;
    }

    static boolean white(int i, int n) {
        if (i == 0) return true;
        if (i == 1) return false;
        if (i < 34) return ((n >>> (31 - (i - 2))) & 1) != 0;
        return ((crc8(n) >>> (7 - (i - 34))) & 1) != 0;
    }

    public static void main(String[] a) throws Exception {
        int w = Integer.parseInt(a[0]), h = Integer.parseInt(a[1]);
        Frame f = new Frame("stamp-clock");
        f.setUndecorated(true);
        f.setBounds(0, 0, w, h);
        f.setVisible(true);
        f.createBufferStrategy(2);
        BufferStrategy bs = f.getBufferStrategy();
        int band = 2 * Math.max(1, w / 48);
        long frame = 0;
        while (true) {
            Graphics2D g = (Graphics2D) bs.getDrawGraphics();
            int t = (int) (frame++ % w);
            for (int x = 0; x < w; x += 40) {
                g.setColor(new Color((x * 255 / w + t) & 255, (t * 3) & 255, 160));
                g.fillRect((x + t) % w, band, 40, h - band);
            }
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, w, band);
            int n = (int) System.currentTimeMillis();
            for (int i = 0; i < 42; i++) {
                int x0 = (int) ((long) i * w / 48), x1 = (int) ((long) (i + 1) * w / 48);
                g.setColor(white(i, n) ? Color.WHITE : Color.BLACK);
                g.fillRect(x0, 0, x1 - x0, band);
            }
            g.dispose();
            bs.show();
            Toolkit.getDefaultToolkit().sync();
            Thread.sleep(4);
        }
    }
}
