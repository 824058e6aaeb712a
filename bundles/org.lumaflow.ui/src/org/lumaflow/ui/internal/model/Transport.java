package org.lumaflow.ui.internal.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Playback state shared by the viewer (which plays) and the shortcuts/menus (which steer): a signed speed, 0 when
 * stopped. J/K/L shuttle like every editor: L plays forward and each further L doubles the speed (up to 8x), J the
 * same backwards, K stops.
 */
public final class Transport {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile double speed;

    public double speed() {
        return speed;
    }

    public boolean playing() {
        return speed != 0;
    }

    /** Space: play at normal speed, or stop when playing. */
    public void toggle() {
        set(speed == 0 ? 1 : 0);
    }

    /** L (sign 1) or J (sign -1): start in that direction, or double the speed when already going that way. */
    public void shuttle(int sign) {
        if (speed * sign > 0) {
            set(Math.max(-8, Math.min(8, speed * 2)));
        } else {
            set(sign);
        }
    }

    /** K. */
    public void stop() {
        set(0);
    }

    public void set(double newSpeed) {
        if (newSpeed != speed) {
            speed = newSpeed;
            listeners.forEach(Runnable::run);
        }
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }
}
