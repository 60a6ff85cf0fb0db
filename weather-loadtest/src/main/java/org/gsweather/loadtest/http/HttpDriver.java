package org.gsweather.loadtest.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The HTTP/1.1 client of a run: Netty event loops (one per core by default) driving keep-alive connections, one
 * request at a time each, as wrk does. The JDK's HttpClient and Jetty's reached about 3,000 small responses/s on the
 * 2-core development machine where this reaches over 20,000 (docs/loadtest.md).
 */
public final class HttpDriver implements AutoCloseable {
    private final Endpoint endpoint;
    private final EventLoopGroup group;
    private final SslContext ssl;
    private final long timeoutNanos;
    private final Map<String, String> headers;

    /**
     * @param headers extra request headers (e.g. Authorization), sent with every request
     * @param ioThreads event loop threads; 0 for one per available processor
     * @param insecure whether to accept any TLS certificate (self-signed test servers)
     */
    public HttpDriver(
            Endpoint endpoint, Duration timeout, Map<String, String> headers, int ioThreads, boolean insecure) {
        this.endpoint = endpoint;
        this.timeoutNanos = timeout.toNanos();
        this.headers = new LinkedHashMap<>(headers);
        int threads = ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("wx-loadtest-io", true), NioIoHandler.newFactory());
        SslContext context = null;
        if (endpoint.tls()) {
            try {
                SslContextBuilder b = SslContextBuilder.forClient();
                if (insecure) {
                    b.trustManager(InsecureTrustManagerFactory.INSTANCE);
                }
                context = b.build();
            } catch (SSLException e) {
                throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
        }
        this.ssl = context;
    }

    /** A new connection; it connects on its first request. */
    public HttpConnection connection() {
        return new HttpConnection(this, group.next());
    }

    Endpoint endpoint() {
        return endpoint;
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    Map<String, String> headers() {
        return headers;
    }

    SslContext ssl() {
        return ssl;
    }

    Bootstrap bootstrap(EventLoop loop, ChannelHandler initializer) {
        return new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, timeoutNanos / 1_000_000))
                .handler(initializer);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
