package org.gsweather.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Python test oracle of {@code src/test/resources/oracles}, run with Debian's python3. */
public final class OracleScript {
    public static final String PYTHON = "/usr/bin/python3";

    private OracleScript() {}

    /** A hash of the script's content, for cache keys that change when the script does. */
    public static String version(String name) {
        return Integer.toHexString(Arrays.hashCode(bytes(name)));
    }

    /** Runs {@code oracles/<name>} with {@code args} and returns its standard output; fails on an error. */
    public static String run(String name, List<String> args) {
        try {
            Path script = Files.createTempFile(name.replace(".py", ""), ".py");
            try {
                Files.write(script, bytes(name));
                List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
                command.addAll(args);
                return Tools.run(command);
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = OracleScript.class.getResourceAsStream("/oracles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no oracle script oracles/" + name + " among the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
