package org.gsweather.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gsweather.ingest.inventory.FieldSelector;
import org.gsweather.ingest.store.Retention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String FULL = """
            statusFile: status/ingest.json
            concurrency: 3
            bandwidth: 20MB/s
            mergeGap: 256KB
            readTimeout: 45s
            retries: {attempts: 4, initialBackoff: 2s}
            sources:
              hrrr-sfc:
                kind: hrrr
                product: sfc
                baseUrl:
                  - https://noaa-hrrr-bdp-pds.s3.amazonaws.com
                  - https://nomads.ncep.noaa.gov/pub/data/nccf/com/hrrr/prod
                store: data/hrrr
                forecastHours: 0-18/3
                fields:
                  - TMP | 2 m (Specified height level above ground)
                  - parameter: UGRD
                    level: 10 m (Specified height level above ground)
                  - REFC | Entire Atmosphere
                keep: {runs: 3}
                poll: 90s
              mrms:
                kind: mrms
                product: ReflectivityAtLowestAltitude_00.50
                store: data/mrms
                keep: {age: 2h}
              goes-east:
                kind: goes
                satellite: goes16
                product: ABI-L1b-RadC
                bands: [13, 2]
                store: data/goes
            """;

    @Test
    void readsAFullConfiguration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.yaml");
        Files.writeString(file, FULL);
        IngestConfig c = ConfigLoader.load(file);
        assertThat(c.statusFile()).isEqualTo(dir.resolve("status/ingest.json"));
        assertThat(c.concurrency()).isEqualTo(3);
        assertThat(c.bandwidth().bytes()).isEqualTo(20_000_000L);
        assertThat(c.mergeGap().bytes()).isEqualTo(256_000L);
        assertThat(c.readTimeout().duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.retries().policy().attempts()).isEqualTo(4);
        assertThat(c.retries().policy().initialBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.sources()).containsOnlyKeys("hrrr-sfc", "mrms", "goes-east");

        ModelSourceConfig hrrr = (ModelSourceConfig) c.sources().get("hrrr-sfc");
        assertThat(hrrr.baseUrl()).hasSize(2);
        assertThat(hrrr.store()).isEqualTo(dir.resolve("data/hrrr"));
        assertThat(hrrr.forecastHours().hours()).containsExactly(0, 3, 6, 9, 12, 15, 18);
        assertThat(hrrr.cycles()).hasSize(24);
        assertThat(hrrr.fields())
                .extracting(FieldEntry::selector)
                .containsExactly(
                        new FieldSelector("TMP", "2 m (Specified height level above ground)"),
                        new FieldSelector("UGRD", "10 m (Specified height level above ground)"),
                        new FieldSelector("REFC", "Entire Atmosphere"));
        assertThat(hrrr.keep().retention()).isEqualTo(Retention.runs(3));
        assertThat(hrrr.poll().duration()).isEqualTo(Duration.ofSeconds(90));

        MrmsSourceConfig mrms = (MrmsSourceConfig) c.sources().get("mrms");
        assertThat(mrms.region()).isEqualTo("CONUS");
        assertThat(mrms.baseUrl()).containsExactly(URI.create("https://noaa-mrms-pds.s3.amazonaws.com"));
        assertThat(mrms.keep().retention()).isEqualTo(Retention.age(Duration.ofHours(2)));

        GoesSourceConfig goes = (GoesSourceConfig) c.sources().get("goes-east");
        assertThat(goes.baseUrl()).containsExactly(URI.create("https://noaa-goes16.s3.amazonaws.com"));
        assertThat(goes.bands()).containsExactly(13, 2);
    }

    private static String error(String yaml) {
        try {
            ConfigLoader.parse(yaml, "ingest.yaml");
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void unknownKeysAreRefusedWithTheirPath() {
        assertThat(error(FULL.replace("    poll: 90s", "    pol: 90s")))
                .startsWith("ingest.yaml: sources.hrrr-sfc.pol: unknown key; the keys here are ")
                .contains("poll");
        assertThat(error(FULL.replace("concurrency: 3", "concurency: 3")))
                .startsWith("ingest.yaml: concurency: unknown key");
        assertThat(error(FULL.replace("level: 10 m", "levle: 10 m")))
                .startsWith("ingest.yaml: sources.hrrr-sfc.fields[1].levle: unknown key");
        assertThat(error(FULL.replace("{attempts: 4,", "{attempt: 4,")))
                .startsWith("ingest.yaml: retries.attempt: unknown key");
        assertThat(error(FULL.replace("bands: [13, 2]", "bands: [13, 2]\n    product2: x")))
                .startsWith("ingest.yaml: sources.goes-east.product2: unknown key");
    }

    @Test
    void wrongValuesNameTheirKey() {
        assertThat(error(FULL.replace("poll: 90s", "poll: 90 seconds")))
                .isEqualTo("ingest.yaml: sources.hrrr-sfc.poll: '90 seconds' is not a duration;"
                        + " write e.g. 500ms, 90s, 5m, 6h, 2d");
        assertThat(error(FULL.replace("kind: hrrr", "kind: hrr")))
                .isEqualTo("ingest.yaml: sources.hrrr-sfc.kind: unknown kind 'hrr'; one of hrrr, gfs, nam, mrms, goes");
        assertThat(error(FULL.replace("forecastHours: 0-18/3", "forecastHours: 0-60")))
                .isEqualTo(
                        "ingest.yaml: sources.hrrr-sfc.forecastHours: hrrr runs end at hour 48, hour 60 never comes");
        assertThat(error(FULL.replace("forecastHours: 0-18/3", "forecastHours: 18-0")))
                .startsWith("ingest.yaml: sources.hrrr-sfc.forecastHours: '18-0' is an empty range");
        assertThat(error(FULL.replace("REFC | Entire Atmosphere", "REFC | entire atmosphere")))
                .isEqualTo("ingest.yaml: sources.hrrr-sfc.fields[2]: level 'entire atmosphere' is not a level label"
                        + " as wx inspect prints it; wx inspect calls the .idx level 'entire atmosphere'"
                        + " 'Entire Atmosphere'");
        assertThat(error(FULL.replace("concurrency: 3", "concurrency: many")))
                .startsWith("ingest.yaml: concurrency: wrong type of value");
        assertThat(error(FULL.replace("satellite: goes16", "satellite: goes15")))
                .isEqualTo(
                        "ingest.yaml: sources.goes-east.satellite: 'goes15' is not goes16, goes17, goes18 or goes19");
        assertThat(error(FULL.replace("keep: {runs: 3}", "keep: {runs: 3, age: 2h}")))
                .isEqualTo("ingest.yaml: sources.hrrr-sfc.keep: give either 'runs' (a number) or 'age' (a duration)");
        assertThat(error(FULL.replace("product: sfc", "product: sfcx")))
                .isEqualTo(
                        "ingest.yaml: sources.hrrr-sfc.product: HRRR products are sfc, prs, nat and subh, not 'sfcx'");
        assertThat(error(FULL.replace("kind: mrms", "kind: mrms\n    listing: html")))
                .isEqualTo("ingest.yaml: sources.mrms.listing: 'html' is neither bucket (S3 ListObjectsV2) nor index"
                        + " (an HTML directory index such as https://mrms.ncep.noaa.gov/data/2D/)");
        assertThat(error(FULL.replace("kind: mrms", "kind: mrms\n    directory: Refl")))
                .isEqualTo("ingest.yaml: sources.mrms.directory: only with listing: index (a bucket's folders are"
                        + " REGION/PRODUCT/YYYYMMDD)");
        assertThat(error(FULL.replace("kind: mrms", "kind: mrms\n    listing: index\n    region: ALASKA")))
                .isEqualTo("ingest.yaml: sources.mrms.directory: missing; with listing: index and region ALASKA,"
                        + " name the product's folder under baseUrl");
        assertThat(error(FULL.replace("  - https://nomads", "  - ftp://nomads")))
                .startsWith("ingest.yaml: sources.hrrr-sfc.baseUrl: 'ftp://nomads");
    }

    @Test
    void missingKeysAreNamed() {
        assertThat(error(FULL.replace("    store: data/mrms\n", "")))
                .isEqualTo("ingest.yaml: sources.mrms.store: missing; the directory the MRMS files go into");
        assertThat(error("concurrency: 2\n"))
                .isEqualTo("ingest.yaml: sources: missing; name at least one source (hrrr, gfs, nam, mrms, goes)");
        assertThat(error("sources:\n  x:\n    store: d\n"))
                .isEqualTo("ingest.yaml: sources.x.kind: missing; one of hrrr, gfs, nam, mrms, goes");
        assertThat(error("sources:\n  x:\n    kind: gfs\n    store: d\n"))
                .startsWith("ingest.yaml: sources.x.fields: missing; list the fields");
    }

    @Test
    void anMrmsIndexListingDefaultsToNcepsSiteAndTheProductsFolder() throws Exception {
        IngestConfig c = ConfigLoader.parse(FULL.replace("kind: mrms", "kind: mrms\n    listing: index"), "x");
        MrmsSourceConfig mrms = (MrmsSourceConfig) c.sources().get("mrms");
        assertThat(mrms.indexListing()).isTrue();
        assertThat(mrms.baseUrl()).containsExactly(URI.create("https://mrms.ncep.noaa.gov/data/2D/"));
        assertThat(mrms.directory()).isEqualTo("ReflectivityAtLowestAltitude");
        MrmsSourceConfig bucket =
                (MrmsSourceConfig) ConfigLoader.parse(FULL, "x").sources().get("mrms");
        assertThat(bucket.indexListing()).isFalse();
        assertThat(bucket.directory()).isNull();
    }

    @Test
    void defaultsFollowTheModel() throws Exception {
        IngestConfig c = ConfigLoader.parse(
                "sources:\n  gfs:\n    kind: gfs\n    store: d\n    fields: [\"TMP | 500 hPa (Isobaric surface)\"]\n",
                "x");
        ModelSourceConfig gfs = (ModelSourceConfig) c.sources().get("gfs");
        assertThat(gfs.product()).isEqualTo("pgrb2.0p25");
        assertThat(gfs.baseUrl()).containsExactly(URI.create("https://noaa-gfs-bdp-pds.s3.amazonaws.com"));
        assertThat(gfs.cycles()).isEqualTo(List.of(0, 6, 12, 18));
        assertThat(gfs.forecastHours().hours()).startsWith(0, 3, 6).endsWith(120);
        assertThat(c.concurrency()).isEqualTo(4);
        assertThat(c.bandwidth()).isNull();
    }
}
