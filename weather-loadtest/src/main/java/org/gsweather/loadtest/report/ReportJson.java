package org.gsweather.loadtest.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reports as JSON files: written by {@code run --json}, read by {@code compare}. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() {}

    public static void write(Report r, OutputStream out) throws IOException {
        JSON.writeValue(new NonClosing(out), r);
        out.write('\n');
        out.flush();
    }

    /** Writes the file whole or not at all (a temporary file renamed into place). */
    public static void write(Report r, Path file) throws IOException {
        Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(r, out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Report read(Path file) {
        try {
            Report r = JSON.readValue(file.toFile(), Report.class);
            if (r == null || !Report.TOOL.equals(r.tool())) {
                throw new IllegalArgumentException(file + ": not a " + Report.TOOL + " report");
            }
            if (r.format() > Report.FORMAT) {
                throw new IllegalArgumentException(
                        file + ": report format " + r.format() + " is newer than this tool's (" + Report.FORMAT + ")");
            }
            return r;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable " + Report.TOOL + " report: " + e.getMessage());
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
