package org.gsweather.loadtest.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gsweather.loadtest.request.PlannedRequest;

/**
 * One keep-alive HTTP/1.1 connection carrying one request at a time. It connects on its first request and again
 * after the server closes it; a request that meets a keep-alive connection the server has just closed is sent once
 * more on a fresh one, as browsers do. All state lives on the connection's event loop.
 */
public final class HttpConnection {

    /** Receives the outcome of a request, on the connection's event loop. */
    public interface Callback {
        void done(HttpConnection connection, Outcome outcome);
    }

    /** Response bytes kept of an error body, enough for an OGC exception's message. */
    private static final int ERROR_BODY_BYTES = 4096;

    private static final String USER_AGENT = "wx-loadtest";

    private final HttpDriver driver;
    private final EventLoop loop;
    private Channel channel;
    /** Whether the socket was opened for the request in flight (a failure on it is not a stale keep-alive). */
    private boolean fresh;

    private PlannedRequest request;
    private Callback callback;
    private long start;
    private long sent;
    private ScheduledFuture<?> timer;
    private boolean retried;
    private boolean responding;
    private int status;
    private String contentType;
    private String cacheResult;
    private boolean keepAlive;
    private long bytes;
    private StringBuilder body;

    HttpConnection(HttpDriver driver, EventLoop loop) {
        this.driver = driver;
        this.loop = loop;
    }

    /**
     * Sends a request; the callback gets its outcome. The connection must be idle (its previous request done).
     *
     * @param startNanos what the latency counts from; 0 for the moment it is sent
     */
    public void send(PlannedRequest r, long startNanos, Callback cb) {
        if (loop.inEventLoop()) {
            begin(r, startNanos, cb);
        } else {
            loop.execute(() -> begin(r, startNanos, cb));
        }
    }

    /**
     * Opens the connection ahead of its first request (as wrk does before it starts the clock), then runs
     * {@code done} on the event loop, connected or not: a failure shows again, and is counted, on the first request.
     */
    public void open(Runnable done) {
        loop.execute(() -> {
            if (channel != null && channel.isActive() || request != null) {
                done.run();
                return;
            }
            driver.bootstrap(loop, initializer())
                    .connect(driver.endpoint().host(), driver.endpoint().port())
                    .addListener((ChannelFuture f) -> {
                        if (f.isSuccess() && channel == null && request == null) {
                            channel = f.channel();
                            fresh = false;
                        } else if (f.isSuccess()) {
                            f.channel().close();
                        }
                        done.run();
                    });
        });
    }

    /** Runs a task on this connection's event loop after a delay (think time). */
    public void later(Runnable task, long delayNanos) {
        loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Closes the connection's socket (the connection may still be used; it reconnects). */
    public void close() {
        loop.execute(() -> {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        });
    }

    private void begin(PlannedRequest r, long startNanos, Callback cb) {
        if (request != null) {
            throw new IllegalStateException("connection is busy");
        }
        request = r;
        callback = cb;
        sent = System.nanoTime();
        start = startNanos == 0 ? sent : startNanos;
        retried = false;
        responding = false;
        status = 0;
        contentType = null;
        cacheResult = null;
        keepAlive = true;
        bytes = 0;
        body = null;
        timer = loop.schedule(this::timedOut, driver.timeoutNanos(), TimeUnit.NANOSECONDS);
        if (channel != null && channel.isActive()) {
            write();
        } else {
            connect();
        }
    }

    private void connect() {
        channel = null;
        fresh = true;
        Endpoint e = driver.endpoint();
        Bootstrap b = driver.bootstrap(loop, initializer());
        PlannedRequest waiting = request;
        b.connect(e.host(), e.port()).addListener((ChannelFuture f) -> {
            if (request != waiting) {
                f.channel().close();
                return;
            }
            if (!f.isSuccess()) {
                finish(Outcome.CONNECT, message(f.cause()));
                return;
            }
            channel = f.channel();
            write();
        });
    }

    private ChannelInitializer<SocketChannel> initializer() {
        Endpoint e = driver.endpoint();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (driver.ssl() != null) {
                    ch.pipeline().addLast(driver.ssl().newHandler(ch.alloc(), e.host(), e.port()));
                }
                ch.pipeline().addLast(new HttpClientCodec());
                ch.pipeline().addLast(new Handler());
            }
        };
    }

    private void write() {
        FullHttpRequest req = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.GET, request.target(), Unpooled.EMPTY_BUFFER);
        req.headers().set(HttpHeaderNames.HOST, driver.endpoint().hostHeader());
        req.headers().set(HttpHeaderNames.USER_AGENT, USER_AGENT);
        req.headers().set(HttpHeaderNames.ACCEPT, "*/*");
        for (Map.Entry<String, String> h : driver.headers().entrySet()) {
            req.headers().set(h.getKey(), h.getValue());
        }
        Channel ch = channel;
        ch.writeAndFlush(req).addListener(f -> {
            if (!f.isSuccess() && ch == channel) {
                broken(message(f.cause()));
            }
        });
    }

    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (ctx.channel() != channel || request == null) {
                return;
            }
            if (msg instanceof HttpResponse r) {
                responding = true;
                status = r.status().code();
                contentType = r.headers().get(HttpHeaderNames.CONTENT_TYPE);
                cacheResult = r.headers().get("geowebcache-cache-result");
                keepAlive = HttpUtil.isKeepAlive(r);
                if (status >= 300 || contentType == null || !contentType.startsWith("image/")) {
                    body = new StringBuilder();
                }
            }
            if (msg instanceof HttpContent c) {
                int n = c.content().readableBytes();
                bytes += n;
                if (body != null && body.length() < ERROR_BODY_BYTES) {
                    int take = Math.min(n, ERROR_BODY_BYTES - body.length());
                    body.append(c.content().toString(c.content().readerIndex(), take, StandardCharsets.UTF_8));
                }
                if (msg instanceof LastHttpContent) {
                    complete();
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == channel) {
                channel = null;
                if (request != null) {
                    broken("connection closed by the server");
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            if (ctx.channel() == channel) {
                channel = null;
                if (request != null) {
                    broken(message(cause));
                }
            }
        }
    }

    private void complete() {
        fresh = false;
        if (!keepAlive && channel != null) {
            channel.close();
            channel = null;
        }
        String error = null;
        String detail = null;
        if (status >= 300) {
            error = "http_" + status;
            detail = ErrorText.of(body == null ? null : body.toString());
        } else if (status != 204 && wrongType()) {
            error = Outcome.CONTENT_TYPE;
            detail = (contentType == null ? "no Content-Type" : contentType) + ": "
                    + ErrorText.of(body == null ? "" : body.toString());
        }
        finish(error, detail);
    }

    private boolean wrongType() {
        if (request.expectImage()) {
            return contentType == null || !contentType.startsWith("image/");
        }
        return contentType != null && contentType.startsWith("application/vnd.ogc.se_xml");
    }

    /** The connection failed under a request: resend once if a reused connection died before answering. */
    private void broken(String why) {
        if (!responding && !fresh && !retried) {
            retried = true;
            connect();
            return;
        }
        finish(Outcome.IO, why);
    }

    private void timedOut() {
        if (request == null) {
            return;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        finish(Outcome.TIMEOUT, "no complete response within " + driver.timeoutNanos() / 1_000_000 + " ms");
    }

    private void finish(String error, String detail) {
        if (request == null) {
            return;
        }
        timer.cancel(false);
        Outcome o = new Outcome(request, start, sent, System.nanoTime(), status, error, cacheResult, bytes, detail);
        Callback cb = callback;
        request = null;
        callback = null;
        body = null;
        cb.done(this, o);
    }

    private static String message(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
