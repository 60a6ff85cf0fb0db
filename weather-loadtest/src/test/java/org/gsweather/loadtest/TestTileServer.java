package org.gsweather.loadtest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP/1.1 server on 127.0.0.1 for tests: each request goes to a responder, which answers when it likes. */
public final class TestTileServer implements AutoCloseable {

    /** Answers one request; call {@link Exchange#respond} now or later (or never, for a timeout). */
    public interface Responder {
        void handle(Exchange exchange);
    }

    /** One request and the way to answer it. */
    public static final class Exchange {
        private final ChannelHandlerContext ctx;
        private final boolean keepAlive;
        public final String method;
        public final String target;
        public final String body;
        public final Map<String, String> headers;
        /** This request's number on its connection, from 1. */
        public final int onConnection;

        Exchange(ChannelHandlerContext ctx, FullHttpRequest req, int onConnection) {
            this.ctx = ctx;
            this.keepAlive = HttpUtil.isKeepAlive(req);
            this.method = req.method().name();
            this.target = req.uri();
            this.body = req.content().toString(StandardCharsets.UTF_8);
            java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
            req.headers().forEach(e -> h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
            this.headers = h;
            this.onConnection = onConnection;
        }

        public void respond(int status, String contentType, byte[] body, Map<String, String> headers) {
            FullHttpResponse r = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            headers.forEach((k, v) -> r.headers().set(k, v));
            HttpUtil.setKeepAlive(r, keepAlive && !"close".equals(headers.get("Connection")));
            if (ctx.executor().inEventLoop()) {
                write(r);
            } else {
                ctx.executor().execute(() -> write(r));
            }
        }

        private void write(FullHttpResponse r) {
            if (HttpUtil.isKeepAlive(r)) {
                ctx.writeAndFlush(r);
            } else {
                ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            }
        }

        public void respond(int status, String contentType, String body) {
            respond(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        /** Answers at a later time (a stalled server). */
        public void respondLater(long delayNanos, Runnable answer) {
            ctx.executor().schedule(answer, delayNanos, TimeUnit.NANOSECONDS);
        }

        /** Closes the connection without answering. */
        public void close() {
            ctx.close();
        }
    }

    private final EventLoopGroup group;
    private final Channel channel;
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger requests = new AtomicInteger();
    public final List<String> targets = new CopyOnWriteArrayList<>();

    public TestTileServer(Responder responder) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        AtomicInteger onConnection = new AtomicInteger();
                        ch.pipeline().addLast(new HttpServerCodec());
                        ch.pipeline().addLast(new HttpObjectAggregator(1 << 20));
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                requests.incrementAndGet();
                                targets.add(
                                        req.method().name().equals("GET") ? req.uri() : req.method() + " " + req.uri());
                                responder.handle(new Exchange(ctx, req, onConnection.incrementAndGet()));
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A 1x1 transparent PNG, the body of test tiles. */
    public static final byte[] PNG = {
        (byte) 0x89,
        'P',
        'N',
        'G',
        13,
        10,
        26,
        10,
        0,
        0,
        0,
        13,
        'I',
        'H',
        'D',
        'R',
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        8,
        6,
        0,
        0,
        0,
        0x1f,
        0x15,
        (byte) 0xc4,
        (byte) 0x89,
        0,
        0,
        0,
        13,
        'I',
        'D',
        'A',
        'T',
        0x78,
        (byte) 0x9c,
        0x63,
        0,
        1,
        0,
        0,
        5,
        0,
        1,
        0x0d,
        0x0a,
        0x2d,
        (byte) 0xb4,
        0,
        0,
        0,
        0,
        'I',
        'E',
        'N',
        'D',
        (byte) 0xae,
        0x42,
        0x60,
        (byte) 0x82
    };
}
