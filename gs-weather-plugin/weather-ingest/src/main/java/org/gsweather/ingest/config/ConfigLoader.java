package org.gsweather.ingest.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an ingest configuration from YAML. Every mistake is reported with the file, the key path (e.g.
 * {@code sources.hrrr-sfc.fields[2]}) and what is wrong; unknown keys are refused (with the keys that
 * would be right there), so a misspelt setting never silently falls back to its default.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigLoader() {}

    /** Reads, validates and resolves (paths against the file's directory) a configuration file. */
    public static IngestConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, file.toString()).resolve(base);
    }

    /** Parses and validates a configuration; {@code name} is what errors call it. Paths stay as written. */
    public static IngestConfig parse(String yaml, String name) throws ConfigException {
        try {
            IngestConfig config = YAML.readValue(yaml, IngestConfig.class);
            if (config == null) {
                throw new ConfigException(name + ": empty configuration");
            }
            return config;
        } catch (JsonMappingException e) {
            throw new ConfigException(name + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(null);
            return join(
                    path, "unknown key" + (known.isEmpty() ? "" : "; the keys here are " + String.join(", ", known)));
        }
        if (e instanceof InvalidTypeIdException t) {
            String id = t.getTypeId();
            String at = path(e.getPath());
            return join(
                    at.isEmpty() ? "kind" : at + ".kind",
                    (id == null ? "missing" : "unknown kind '" + id + "'") + "; one of hrrr, gfs, nam, mrms, goes");
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return join(path, cause.getMessage());
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Cannot deserialize value of type") || message.startsWith("Cannot coerce")) {
            return join(path, "wrong type of value: " + shorten(message));
        }
        return join(path, shorten(message));
    }

    /** {@code a.b[2].c} from Jackson's path; the last key may also lead the message ({@code key: what}). */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** Joins a path and a message that may start with a key of its own ({@code forecastHours: ...}). */
    private static String join(String path, String message) {
        if (path.isEmpty()) {
            return message;
        }
        int colon = message.indexOf(": ");
        boolean keyed = colon > 0 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9.\\[\\]]*");
        return keyed ? path + "." + message : path + ": " + message;
    }

    private static String shorten(String message) {
        int at = message.indexOf("\n at [Source");
        String m = at > 0 ? message.substring(0, at) : message;
        return m.replace("org.gsweather.ingest.config.", "")
                        .toLowerCase(Locale.ROOT)
                        .startsWith("cannot")
                ? m.replace("org.gsweather.ingest.config.", "")
                : m;
    }
}
