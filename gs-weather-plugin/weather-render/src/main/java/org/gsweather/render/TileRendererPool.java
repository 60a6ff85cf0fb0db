package org.gsweather.render;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;

/**
 * Renderers for threads that draw now and then, such as a servlet container's request threads. A {@link
 * TileRenderer} keeps buffers the size of the largest image it has drawn (tens of megabytes for a GWC metatile of
 * isolines), so one kept per thread of a container's pool of hundreds of threads holds gigabytes once each thread
 * has drawn a metatile. This keeps at most {@code capacity} idle renderers, the most recently used handed out first;
 * a thread that finds none makes one, which is kept or dropped when it is done. A renderer whose work failed is
 * dropped.
 */
public final class TileRendererPool {
    private final LinkedBlockingDeque<TileRenderer> idle;

    /** @param capacity idle renderers kept at most */
    public TileRendererPool(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("renderers kept must be at least 1, not " + capacity);
        }
        this.idle = new LinkedBlockingDeque<>(capacity);
    }

    /** Two idle renderers per processor available to the JVM. */
    public static TileRendererPool forProcessors() {
        return new TileRendererPool(2 * Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs {@code work} with a renderer no other thread uses meanwhile. What it returns must not refer to the
     * renderer's buffers (a {@link Canvas} it drew is reused by the next render: copy what is kept).
     */
    public <T> T apply(Function<TileRenderer, T> work) {
        TileRenderer r = idle.pollFirst();
        if (r == null) {
            r = new TileRenderer();
        }
        T result = work.apply(r);
        idle.offerFirst(r); // dropped when the pool is full
        return result;
    }

    /** Renderers idle now. */
    public int idle() {
        return idle.size();
    }
}
