package org.gsweather.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real redis-server on a free loopback port, started by the test itself: the Linux binary bundled in the
 * embedded-redis artifact (so a fresh machine needs nothing), or the one named by {@code -Dgsweather.redis.server}.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final String BUNDLED = "/redis-server-6.2.6-v5-linux-amd64";
    private static Path binary;

    private final Path executable;
    private final int port;
    private final List<String> extraArgs;
    private final Path dir;
    private final Path sentinelConfig;
    private Process process;

    private RedisServerProcess(Path executable, int port, List<String> extraArgs, String sentinelConfig)
            throws IOException {
        this.executable = executable;
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        this.dir = Files.createTempDirectory("redis-" + port + "-");
        this.dir.toFile().deleteOnExit();
        if (sentinelConfig == null) {
            this.sentinelConfig = null;
        } else {
            this.sentinelConfig = dir.resolve("sentinel.conf");
            Files.writeString(this.sentinelConfig, sentinelConfig);
        }
    }

    /**
     * A Sentinel (the same redis-server binary in sentinel mode) watching {@code masterName} at {@code master}, with
     * quorum 2, 1 s down-after and a 3 s failover timeout.
     */
    public static RedisServerProcess launchSentinel(String masterName, String master) throws IOException {
        int port = freePort();
        String[] hostPort = master.split(":");
        RedisServerProcess p = new RedisServerProcess(
                binary(),
                port,
                List.of(),
                "port " + port + "\nbind 127.0.0.1\nprotected-mode no\n"
                        + "sentinel monitor " + masterName + " " + hostPort[0] + " " + hostPort[1] + " 2\n"
                        + "sentinel down-after-milliseconds " + masterName + " 1000\n"
                        + "sentinel failover-timeout " + masterName + " 3000\n"
                        + "sentinel parallel-syncs " + masterName + " 1\n");
        p.start();
        return p;
    }

    public static RedisServerProcess launch(String... extraArgs) throws IOException {
        return launchOn(freePort(), extraArgs);
    }

    public static RedisServerProcess launchOn(int port, String... extraArgs) throws IOException {
        return launchWith(binary(), port, extraArgs);
    }

    /** A server run by {@code executable} rather than the default binary. */
    public static RedisServerProcess launchWith(Path executable, int port, String... extraArgs) throws IOException {
        RedisServerProcess p = new RedisServerProcess(executable, port, List.of(extraArgs), null);
        p.start();
        return p;
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts (again) on the same port with the same arguments; returns once the server accepts connections. */
    public synchronized void start() throws IOException {
        List<String> cmd = sentinelConfig != null
                ? List.of(executable.toString(), sentinelConfig.toString(), "--sentinel")
                : serverCommand();
        String readyLine = sentinelConfig != null ? "+monitor master" : "Ready to accept connections";
        startWith(cmd, readyLine);
    }

    private List<String> serverCommand() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                executable.toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString(),
                "--protected-mode",
                "no"));
        cmd.addAll(extraArgs);
        return cmd;
    }

    private void startWith(List<String> cmd, String readyLine) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        AtomicBoolean readySeen = new AtomicBoolean();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            synchronized (log) {
                                if (log.length() < 20_000) {
                                    log.append(line).append('\n');
                                }
                            }
                            if (line.contains(readyLine)) {
                                readySeen.set(true);
                                ready.countDown();
                            }
                        }
                    } catch (IOException e) {
                        // process ended
                    }
                    ready.countDown();
                },
                "redis-" + port + "-log");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(15, TimeUnit.SECONDS) || !readySeen.get()) {
                p.destroyForcibly();
                synchronized (log) {
                    throw new IllegalStateException("redis-server on port " + port + " did not start:\n" + log);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        process = p;
    }

    /** Kills the server at once (like a crash: no save, clients see their connections reset). */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Restricts the running server to the given CPUs ({@code taskset} list syntax, e.g. {@code 1} or {@code 0-1}). */
    public synchronized void pinTo(String cpus) throws IOException {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-pc", cpus, String.valueOf(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (taskset.waitFor() != 0) {
                throw new IOException("taskset -a -pc " + cpus + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        kill();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /**
     * A free port whose cluster bus port (port + 10000, where a cluster node also listens) is free too: a free port
     * alone comes from the ephemeral range, where port + 10000 is often some connection's local port.
     */
    public static int freeClusterPort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = freePort();
            if (port + 10000 > 65535) {
                continue;
            }
            try (ServerSocket bus = new ServerSocket(port + 10000)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port with a free cluster bus port found");
    }

    /** The redis-server the tests run: {@code -Dgsweather.redis.server}, else the bundled one, else the PATH's. */
    static synchronized Path binary() throws IOException {
        if (binary != null) {
            return binary;
        }
        String configured = System.getProperty("gsweather.redis.server");
        if (configured != null && !configured.isBlank()) {
            binary = Path.of(configured);
            return binary;
        }
        try (InputStream in = RedisServerProcess.class.getResourceAsStream(BUNDLED)) {
            if (in != null
                    && System.getProperty("os.name").toLowerCase().contains("linux")
                    && System.getProperty("os.arch").matches("amd64|x86_64")) {
                Path target = Files.createTempFile("redis-server-", "");
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                File f = target.toFile();
                f.setExecutable(true);
                f.deleteOnExit();
                binary = target;
                return binary;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        binary = Path.of("redis-server");
        return binary;
    }
}
