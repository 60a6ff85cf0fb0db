package org.gsweather.loadtest.run;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
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
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gsweather.loadtest.http.Endpoint;
import org.gsweather.loadtest.http.HttpConnection;
import org.gsweather.loadtest.http.HttpDriver;
import org.gsweather.loadtest.pattern.RequestSource;
import org.gsweather.loadtest.request.PlannedRequest;
import org.gsweather.loadtest.scenario.LoadModel;
import org.gsweather.loadtest.scenario.PatternPlan;
import org.gsweather.loadtest.scenario.StagePlan;

/**
 * Warms the client up before a run without touching the server under test: the same sending and recording code
 * runs for a moment against a server of its own on loopback, so the JIT has compiled it when the run's clock starts.
 * Without it the first seconds of a run go at a fraction of the client's speed, which the open model, rightly,
 * charges to latency.
 */
public final class ClientWarmup {
    private static final int CONNECTIONS = 16;
    /** Requests a second of the open loop's half: enough to compile its path, far below what the client can send. */
    private static final double OPEN_RATE = 2000;

    private static final byte[] BODY = new byte[700];

    private ClientWarmup() {}

    public static void run(Duration duration) throws InterruptedException {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("wx-loadtest-warmup", true), NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16));
                            ch.pipeline().addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                    FullHttpResponse r = new DefaultFullHttpResponse(
                                            HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(BODY));
                                    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "image/png");
                                    r.headers().set("geowebcache-cache-result", "HIT");
                                    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
                                    ctx.writeAndFlush(r);
                                }
                            });
                        }
                    })
                    .bind("127.0.0.1", 0)
                    .sync()
                    .channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            try (HttpDriver driver = new HttpDriver(
                    Endpoint.of(URI.create("http://127.0.0.1:" + port + "/")),
                    Duration.ofSeconds(5),
                    Map.of(),
                    0,
                    false)) {
                AtomicLong n = new AtomicLong();
                RequestSource source = new RequestSource(
                        () -> new PlannedRequest(
                                "/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEROW=" + n.incrementAndGet(),
                                "warmup",
                                (int) (n.get() % 8),
                                PlannedRequest.UNSCHEDULED,
                                true),
                        Long.MAX_VALUE);
                List<HttpConnection> connections = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    connections.add(driver.connection());
                }
                StageContext.openAll(connections, TimeUnit.SECONDS.toNanos(5));
                // both loops: the closed one sends from the event loops, the open one from this thread on a clock
                Duration half = duration.dividedBy(2);
                warm(LoadModel.CLOSED, 0, half, source, connections);
                warm(LoadModel.OPEN, OPEN_RATE, half, source, connections);
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void warm(
            LoadModel model, double rate, Duration duration, RequestSource source, List<HttpConnection> connections)
            throws InterruptedException {
        StagePlan plan = new StagePlan(
                "warmup",
                model,
                CONNECTIONS,
                rate,
                duration,
                Long.MAX_VALUE,
                Duration.ZERO,
                true,
                new PatternPlan(
                        "uniform", 1, List.of(), List.of(), 1, 1, 1, Duration.ZERO, 1, 1, 1, 1, null, 1, false));
        long start = System.nanoTime();
        StageMetrics metrics = new StageMetrics(start);
        StageContext c = new StageContext(
                plan,
                source,
                false,
                connections,
                metrics,
                new RunControl(Long.MAX_VALUE, duration.plusSeconds(10)),
                start,
                TimeUnit.SECONDS.toNanos(5));
        c.run();
        metrics.sample();
    }
}
