package org.gsweather.ingest.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** One entry of {@code sources:}; {@code kind:} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(
            value = ModelSourceConfig.class,
            names = {"hrrr", "gfs", "nam"}),
    @JsonSubTypes.Type(value = MrmsSourceConfig.class, name = "mrms"),
    @JsonSubTypes.Type(value = GoesSourceConfig.class, name = "goes")
})
public sealed interface SourceConfig permits ModelSourceConfig, MrmsSourceConfig, GoesSourceConfig {
    /** Base URLs tried in order: a file missing from the first is looked for in the next. */
    List<URI> baseUrl();

    /** The store directory the files go into. */
    Path store();

    KeepConfig keep();

    /** Pause between two looks at the source when following it. */
    TimeSpan poll();

    /** How far back to look for runs, volumes or scans not yet in the store. */
    TimeSpan lookback();

    /** The same source with its store path resolved against the configuration's directory. */
    SourceConfig resolve(Path base);

    static <T> T require(T value, String key, String what) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": missing; " + what);
        }
        return value;
    }

    static List<URI> checkUrls(List<URI> urls) {
        for (URI u : urls) {
            if (u == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("baseUrl: '" + u + "' is not an http(s) URL");
            }
        }
        return List.copyOf(urls);
    }
}
