package org.gsweather.geoserver.metrics;

import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.geoserver.ows.Response;
import org.geoserver.platform.Operation;
import org.geoserver.platform.ServiceException;

/** A response whose writing (for a WMS map: encoding the image) is timed; everything else is its delegate's. */
final class TimedResponse extends Response {
    private final Response delegate;
    private final Timer timer;

    TimedResponse(Response delegate, Timer timer) {
        super(delegate.getBinding(), delegate.getOutputFormats());
        this.delegate = delegate;
        this.timer = timer;
    }

    @Override
    public boolean canHandle(Operation operation) {
        return delegate.canHandle(operation);
    }

    @Override
    public String getMimeType(Object value, Operation operation) throws ServiceException {
        return delegate.getMimeType(value, operation);
    }

    @Override
    public String[][] getHeaders(Object value, Operation operation) throws ServiceException {
        return delegate.getHeaders(value, operation);
    }

    @Override
    public void write(Object value, OutputStream output, Operation operation) throws IOException, ServiceException {
        long start = System.nanoTime();
        try {
            delegate.write(value, output, operation);
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public String getPreferredDisposition(Object value, Operation operation) {
        return delegate.getPreferredDisposition(value, operation);
    }

    @Override
    public String getAttachmentFileName(Object value, Operation operation) {
        return delegate.getAttachmentFileName(value, operation);
    }

    @Override
    public String getCharset(Operation operation) {
        return delegate.getCharset(operation);
    }

    @Override
    public String toString() {
        return "timed " + delegate;
    }
}
