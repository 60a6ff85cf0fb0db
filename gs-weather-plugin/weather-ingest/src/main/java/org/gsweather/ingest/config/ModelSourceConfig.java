package org.gsweather.ingest.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.gsweather.ingest.source.Model;

/**
 * A model source ({@code kind: hrrr | gfs | nam}): which product, forecast hours, cycles and fields to
 * fetch, and where from.
 *
 * @param kind {@code hrrr}, {@code gfs} or {@code nam}
 * @param product e.g. HRRR {@code sfc}/{@code prs}, GFS {@code pgrb2.0p25}, NAM {@code awphys}
 * @param forecastHours e.g. {@code 0-18}
 * @param cycles run hours (UTC) to follow; all of the model's when absent
 * @param fields the fields to download, named as {@code wx inspect} names them
 */
public record ModelSourceConfig(
        String kind,
        String product,
        List<URI> baseUrl,
        Path store,
        HourSet forecastHours,
        List<Integer> cycles,
        List<FieldEntry> fields,
        KeepConfig keep,
        TimeSpan poll,
        TimeSpan lookback)
        implements SourceConfig {

    public ModelSourceConfig {
        Model model = Model.valueOf(kind.toUpperCase(Locale.ROOT));
        if (product == null) {
            product = model.defaultProduct();
        }
        String productProblem = model.checkProduct(product).orElse(null);
        if (productProblem != null) {
            throw new IllegalArgumentException("product: " + productProblem);
        }
        String checkedProduct = product;
        baseUrl = SourceConfig.checkUrls(baseUrl == null || baseUrl.isEmpty() ? List.of(model.bucket()) : baseUrl);
        SourceConfig.require(store, "store", "the directory the " + model.id() + " files go into");
        if (forecastHours == null) {
            forecastHours = switch (model) {
                case HRRR -> HourSet.range(0, 18, 1);
                case GFS -> HourSet.range(0, 120, 3);
                case NAM -> HourSet.range(0, 36, 3);
            };
        }
        int last = model.cycles().stream()
                .mapToInt(c -> model.lastHour(c, checkedProduct))
                .max()
                .orElse(0);
        int lastHour = forecastHours.hours().get(forecastHours.hours().size() - 1);
        if (lastHour > last) {
            throw new IllegalArgumentException("forecastHours: " + model.id() + " runs end at hour " + last + ", hour "
                    + lastHour + " never comes");
        }
        if (cycles == null || cycles.isEmpty()) {
            cycles = model.cycles();
        }
        for (Integer c : cycles) {
            if (c == null || !model.cycles().contains(c)) {
                throw new IllegalArgumentException(
                        "cycles: " + model.id() + " runs start at " + model.cycles() + " UTC, not at " + c);
            }
        }
        cycles = List.copyOf(cycles);
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("fields: missing; list the fields to download as wx inspect names"
                    + " them, e.g. - TMP | 2 m (Specified height level above ground)");
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == null || fields.get(i).selector() == null) {
                throw new IllegalArgumentException(
                        "fields[" + i + "]: a field needs both 'parameter' and 'level' (or 'PARAMETER | LEVEL')");
            }
        }
        fields = List.copyOf(fields);
        if (keep == null) {
            keep = new KeepConfig(model == Model.HRRR ? 6 : 4, null);
        }
        if (poll == null) {
            poll = TimeSpan.of(model == Model.HRRR ? Duration.ofMinutes(2) : Duration.ofMinutes(5));
        }
        if (lookback == null) {
            lookback = TimeSpan.of(model == Model.HRRR ? Duration.ofHours(4) : Duration.ofHours(12));
        }
    }

    public Model model() {
        return Model.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    @Override
    public ModelSourceConfig resolve(Path base) {
        return new ModelSourceConfig(
                kind, product, baseUrl, base.resolve(store), forecastHours, cycles, fields, keep, poll, lookback);
    }
}
