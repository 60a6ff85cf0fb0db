package org.gsweather.ingest.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read chunk by chunk with a limit on silence: {@link java.net.http.HttpClient} bounds
 * the wait for response headers, not the pauses inside a body, so the body is taken as a publisher and
 * each chunk is waited for at most the read timeout. One chunk is requested at a time.
 */
final class BodyStream implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> current;
    private boolean ended;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /**
     * The next chunk of the body, null at its end.
     *
     * @throws InterruptedIOException when nothing arrived for {@code timeout}
     * @throws IOException when the connection failed
     */
    ByteBuffer next(Duration timeout) throws IOException, InterruptedException {
        while (current == null || !current.hasNext()) {
            if (ended) {
                return null;
            }
            Object item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (item == null) {
                throw new InterruptedIOException("no data for " + timeout.toMillis() + " ms while reading the body");
            }
            if (item == END) {
                ended = true;
                return null;
            }
            if (item instanceof Throwable t) {
                ended = true;
                throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) item;
            current = buffers.iterator();
            subscription.request(1);
        }
        return current.next();
    }

    /** Stops the body (the connection is not reused) unless it was read to its end. */
    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (!ended && s != null) {
            s.cancel();
        }
    }
}
