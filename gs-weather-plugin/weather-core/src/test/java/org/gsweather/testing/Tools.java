package org.gsweather.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reference tools used as test oracles (ecCodes, PROJ, netCDF tools), installed by {@code bin/test}.
 * A test that needs one is skipped with a clear message when it is not on the PATH.
 */
public final class Tools {
    private Tools() {}

    public static boolean has(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test unless {@code tool} is installed. */
    public static void require(String tool) {
        assumeTrue(has(tool), () -> tool + " is not installed (bin/test installs it with apt); skipping this check");
    }

    /** Runs a command and returns its standard output; fails on a non-zero exit status. */
    public static String run(List<String> command) {
        return run(command, null);
    }

    /** Runs a command with {@code stdin} as its input and returns its standard output. */
    public static String run(List<String> command, String stdin) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            try {
                ProcessBuilder pb =
                        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                if (stdin == null) {
                    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                }
                Process p = pb.start();
                if (stdin != null) {
                    try (var w = p.getOutputStream()) {
                        w.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + command);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(
                            "exit " + p.exitValue() + " from " + command + ": " + Files.readString(err));
                }
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
