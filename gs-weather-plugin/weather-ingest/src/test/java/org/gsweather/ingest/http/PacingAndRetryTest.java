package org.gsweather.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.gsweather.field.DataFormatException;
import org.gsweather.ingest.testing.FakeClock;
import org.gsweather.ingest.testing.FakeSleeper;
import org.junit.jupiter.api.Test;

class PacingAndRetryTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2024-05-01T00:00:00Z"));
    private final FakeSleeper sleeper = new FakeSleeper(clock);

    @Test
    void bandwidthIsSharedAndPaced() throws InterruptedException {
        BandwidthLimiter limiter = new BandwidthLimiter(1_000_000, clock, sleeper);
        for (int i = 0; i < 10; i++) {
            limiter.acquire(500_000); // 5 MB at 1 MB/s
        }
        // The first chunk goes at once, each further one waits for the time the ones before it booked.
        assertThat(Duration.between(Instant.parse("2024-05-01T00:00:00Z"), clock.instant()))
                .isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void backoffGrowsAndIsCapped() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));
        Random random = new Random(7);
        List<Duration> waits = new ArrayList<>();
        for (int f = 1; f <= 6; f++) {
            waits.add(p.backoff(f, random));
        }
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(waits.get(5)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void retryAfterIsSecondsOrAnHttpDateAndIsCapped() {
        RetryPolicy p = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(2));
        assertThat(p.retryAfter(Optional.of("17"), clock)).contains(Duration.ofSeconds(17));
        assertThat(p.retryAfter(Optional.of("Wed, 01 May 2024 00:00:45 GMT"), clock))
                .contains(Duration.ofSeconds(45));
        assertThat(p.retryAfter(Optional.of("3600"), clock)).contains(Duration.ofMinutes(2));
        assertThat(p.retryAfter(Optional.of("soon"), clock)).isEmpty();
        assertThat(p.retryAfter(Optional.empty(), clock)).isEmpty();
        assertThat(RetryPolicy.retryable(503)).isTrue();
        assertThat(RetryPolicy.retryable(429)).isTrue();
        assertThat(RetryPolicy.retryable(403)).isFalse();
    }

    @Test
    void listingsThatAreNotListObjectsV2AreRefused() {
        URI page = URI.create("http://bucket/?list-type=2");
        assertThatThrownBy(() -> S3Listing.parse("<Error><Code>AccessDenied</Code></Error>", page, new ArrayList<>()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("root element Error");
        assertThatThrownBy(() -> S3Listing.parse(
                        "<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>",
                        page,
                        new ArrayList<>()))
                .hasMessageContaining("truncated listing without NextContinuationToken");
        assertThatThrownBy(() -> S3Listing.parse("<ListBucketResult><Contents>", page, new ArrayList<>()))
                .isInstanceOf(DataFormatException.class);
    }

    @Test
    void listingPagesAreRead() throws DataFormatException {
        List<S3Listing.S3Object> out = new ArrayList<>();
        String token = S3Listing.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>noaa-goes16</Name>
                <Prefix>ABI-L1b-RadC/2024/122/00/</Prefix><KeyCount>1</KeyCount><MaxKeys>1</MaxKeys>
                <IsTruncated>true</IsTruncated><Contents><Key>ABI-L1b-RadC/2024/122/00/OR_ABI-L1b-RadC-M6C13_G16_s20241220001173_e20241220003546_c20241220003597.nc</Key>
                <LastModified>2024-05-01T00:04:07.000Z</LastModified><ETag>&quot;4f1e&quot;</ETag><Size>3412345</Size>
                <StorageClass>STANDARD</StorageClass></Contents><NextContinuationToken>1ZxV</NextContinuationToken>
                </ListBucketResult>""", URI.create("http://x/"), out);
        assertThat(token).isEqualTo("1ZxV");
        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.name())
                    .isEqualTo("OR_ABI-L1b-RadC-M6C13_G16_s20241220001173_e20241220003546_c20241220003597.nc");
            assertThat(o.size()).isEqualTo(3412345L);
            assertThat(o.etag()).isEqualTo("\"4f1e\"");
        });
    }
}
