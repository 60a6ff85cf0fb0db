package org.gsweather.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gsweather.field.DataFormatException;
import org.gsweather.ingest.config.FieldEntry;
import org.gsweather.ingest.config.ModelSourceConfig;
import org.gsweather.ingest.http.NotPublishedException;
import org.gsweather.ingest.http.TransferListener;
import org.gsweather.ingest.http.Urls;
import org.gsweather.ingest.inventory.ByteRangePlan;
import org.gsweather.ingest.inventory.FieldSelector;
import org.gsweather.ingest.inventory.IdxEntry;
import org.gsweather.ingest.inventory.Inventory;
import org.gsweather.ingest.inventory.LevelLabel;
import org.gsweather.ingest.inventory.LevelNames;
import org.gsweather.ingest.store.Retention;
import org.gsweather.ingest.store.StoreDirectory;

/**
 * HRRR, GFS or NAM: per forecast hour, the {@code .idx} inventory is read, the selected fields' messages
 * are fetched by byte ranges into one GRIB2 file, verified and placed in the store as {@code
 * hrrr.YYYYMMDD.tHHz.wrfsfcfFF.grib2} (and so on). Hours are fetched in ascending order, as NCEP publishes
 * them; the first hour not yet published ends the run's poll.
 */
public final class ModelSource implements Source {
    private final String name;
    private final ModelSourceConfig config;
    private final Model model;
    private final StoreDirectory store;
    private final List<FieldSelector> selectors;

    public ModelSource(String name, ModelSourceConfig config) {
        this.name = name;
        this.config = config;
        this.model = config.model();
        this.store = new StoreDirectory(config.store());
        this.selectors = config.fields().stream().map(FieldEntry::selector).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StoreDirectory store() {
        return store;
    }

    @Override
    public Retention retention() {
        return config.keep().retention();
    }

    @Override
    public Duration pollInterval() {
        return config.poll().duration();
    }

    @Override
    public Optional<Instant> runOf(String fileName) {
        return model.parseLocalName(fileName, config.product()).map(Model.RunHour::run);
    }

    /** The forecast hours a run of this cycle has among those configured. */
    List<Integer> hours(Instant run) {
        int cycle = run.atZone(ZoneOffset.UTC).getHour();
        int last = model.lastHour(cycle, config.product());
        return config.forecastHours().hours().stream().filter(h -> h <= last).toList();
    }

    private boolean complete(Instant run) {
        return hours(run).stream().allMatch(h -> store.contains(model.localName(run, config.product(), h)));
    }

    @Override
    public PollReport poll(SourceContext context, boolean once) throws InterruptedException {
        Instant now = context.clock().instant();
        TransferListener transfers = context.transfers(name);
        List<String> problems = new ArrayList<>();
        Instant newest = null;
        Set<Instant> inStore = new TreeSet<>();
        for (String file : store.files()) {
            runOf(file).ifPresent(inStore::add);
        }
        for (Instant run : candidateRuns(now)) {
            if (inStore.contains(run)) {
                newest = run;
                break;
            }
            try {
                if (published(context, run, transfers)) {
                    newest = run;
                    break;
                }
            } catch (IOException e) {
                problems.add("looking for the run of " + run + ": " + e.getMessage());
                break;
            }
        }
        if (newest == null) {
            return new PollReport(null, false, List.of(), problems);
        }
        Set<Instant> runs = new LinkedHashSet<>();
        runs.add(newest);
        if (!once) {
            Instant oldest = now.minus(config.lookback().duration());
            for (Instant run : inStore) {
                if (run.isBefore(newest) && !run.isBefore(oldest) && !complete(run)) {
                    runs.add(run);
                }
            }
        }
        List<FileResult> results = new ArrayList<>();
        for (Instant run : runs) {
            results.addAll(fetchRun(context, run, transfers));
        }
        return new PollReport(newest, complete(newest), results, problems);
    }

    /** Runs of the configured cycles from now back over the lookback, newest first. */
    List<Instant> candidateRuns(Instant now) {
        List<Instant> runs = new ArrayList<>();
        Instant oldest = now.minus(config.lookback().duration());
        for (Instant t = now.truncatedTo(ChronoUnit.HOURS); !t.isBefore(oldest); t = t.minus(Duration.ofHours(1))) {
            if (config.cycles().contains(t.atZone(ZoneOffset.UTC).getHour())) {
                runs.add(t);
            }
        }
        return runs;
    }

    /** Whether the inventory of the run's first hour is at one of the base URLs. */
    private boolean published(SourceContext context, Instant run, TransferListener transfers)
            throws IOException, InterruptedException {
        List<Integer> hours = hours(run);
        if (hours.isEmpty()) {
            return false;
        }
        String path = model.path(run, config.product(), hours.get(0)) + ".idx";
        for (URI base : config.baseUrl()) {
            if (context.fetcher().text(Urls.under(base, path), transfers).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private List<FileResult> fetchRun(SourceContext context, Instant run, TransferListener transfers)
            throws InterruptedException {
        List<Integer> hours = hours(run);
        List<Integer> missing = hours.stream()
                .filter(h -> !store.contains(model.localName(run, config.product(), h)))
                .toList();
        context.events().runStarted(name, run, hours.size(), hours.size() - missing.size());
        List<Batch.Job> jobs = missing.stream()
                .map(h -> (Batch.Job) () -> fetchHour(context, run, h, transfers))
                .toList();
        List<FileResult> results = Batch.run(context, name, jobs, true);
        return results;
    }

    /** Fetches one forecast hour: inventory, selection, ranges, verification, placement. */
    FileResult fetchHour(SourceContext context, Instant run, int hour, TransferListener transfers)
            throws InterruptedException {
        String localName = model.localName(run, config.product(), hour);
        String path = model.path(run, config.product(), hour);
        try {
            for (URI base : config.baseUrl()) {
                URI grib = Urls.under(base, path);
                URI idx = URI.create(grib + ".idx");
                Optional<String> text = context.fetcher().text(idx, transfers);
                if (text.isEmpty()) {
                    continue;
                }
                Inventory inventory = Inventory.parse(text.get(), idx.toString());
                Instant stated = Inventory.referenceTime(inventory.entries().get(0));
                if (stated != null && !stated.equals(run)) {
                    return FileResult.failed(localName, run, idx + " is of the run " + stated + ", not " + run);
                }
                Selection selection = select(inventory, idx);
                if (selection.indexes().isEmpty()) {
                    return FileResult.failed(localName, run, selection.nothingMessage());
                }
                ByteRangePlan plan = ByteRangePlan.of(inventory, selection.indexes(), context.mergeGap());
                Integer validHour = model.oneValidTimePerFile(config.product()) ? hour : null;
                try {
                    long bytes = fetchVerified(
                            context, grib, plan, localName, selection.expected(), run, validHour, transfers);
                    return new FileResult(localName, run, Outcome.INGESTED, bytes, selection.warning());
                } catch (NotPublishedException e) {
                    // The inventory is out before its GRIB2 file (or the file is still being written).
                    FileFetch.discard(store, localName);
                    continue;
                }
            }
            return FileResult.notPublished(localName, run);
        } catch (VerificationException | DataFormatException e) {
            return FileResult.failed(localName, run, e.getMessage());
        } catch (IOException e) {
            return FileResult.failed(localName, run, e.getMessage());
        }
    }

    private long fetchVerified(
            SourceContext context,
            URI grib,
            ByteRangePlan plan,
            String localName,
            List<Verification.Expected> expected,
            Instant run,
            Integer validHour,
            TransferListener transfers)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Path part = FileFetch.fetch(context.fetcher(), store, localName, grib, plan, -1, transfers);
            try {
                Verification.modelFile(part, localName, expected, run, validHour);
            } catch (VerificationException e) {
                FileFetch.discard(store, localName);
                if (attempt > 0) {
                    throw e;
                }
                continue; // once more from scratch: a body may have been cut short with a consistent length
            }
            long bytes = Files.size(part);
            store.publish(part, localName);
            FileFetch.discard(store, localName);
            return bytes;
        }
    }

    /** The inventory entries to fetch, and what the file must then hold. */
    private record Selection(
            List<Integer> indexes,
            List<Verification.Expected> expected,
            List<FieldSelector> absent,
            Inventory inventory,
            URI idx) {

        String warning() {
            return absent.isEmpty()
                    ? null
                    : "not in " + idx + ": "
                            + absent.stream().map(FieldSelector::toString).collect(Collectors.joining(", "));
        }

        String nothingMessage() {
            StringBuilder b = new StringBuilder("no message of ").append(idx).append(" is a selected field");
            for (FieldSelector s : absent) {
                Set<String> levels = new TreeSet<>();
                for (IdxEntry e : inventory.entries()) {
                    if (e.parameter().equals(s.parameter())) {
                        String label = e.inspectLevel();
                        levels.add(label != null ? label : e.level());
                    }
                }
                b.append("; ")
                        .append(s.parameter())
                        .append(
                                levels.isEmpty()
                                        ? " is not in it"
                                        : " is there at: " + String.join(", ", levels) + " (not " + s.level() + ")");
            }
            return b.toString();
        }
    }

    private Selection select(Inventory inventory, URI idx) {
        List<IdxEntry> entries = inventory.entries();
        Set<Long> offsets = new TreeSet<>();
        List<Integer> indexes = new ArrayList<>();
        Set<Integer> selectedIndexes = new TreeSet<>();
        List<FieldSelector> absent = new ArrayList<>();
        for (FieldSelector s : selectors) {
            boolean found = false;
            for (int i = 0; i < entries.size(); i++) {
                if (s.matches(entries.get(i))) {
                    found = true;
                    selectedIndexes.add(i);
                    offsets.add(entries.get(i).offset());
                }
            }
            if (!found) {
                absent.add(s);
            }
        }
        List<Verification.Expected> expected = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            IdxEntry e = entries.get(i);
            if (offsets.contains(e.offset())) {
                indexes.add(i);
                LevelLabel level = LevelNames.parseWgrib2(e.level())
                        .map(c -> LevelLabel.of(LevelNames.level(c)))
                        .orElse(null);
                expected.add(new Verification.Expected(e.parameter(), level, selectedIndexes.contains(i)));
            }
        }
        return new Selection(indexes, expected, absent, inventory, idx);
    }
}
