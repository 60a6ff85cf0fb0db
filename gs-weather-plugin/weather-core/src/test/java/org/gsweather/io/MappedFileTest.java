package org.gsweather.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileTest {
    @TempDir
    Path dir;

    @Test
    void regionsBeyondFourGibibytesAreMappedOnDemand() throws IOException {
        Path p = dir.resolve("sparse.bin");
        long far = (5L << 30) + 12345; // beyond 4 GiB: offsets no longer fit in an int
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(7);
            f.write(new byte[] {1, 2, 3});
            f.seek(far);
            f.write(new byte[] {9, 8, 7, 6});
        }
        try (MappedFile m = MappedFile.open(p)) {
            assertThat(m.size()).isEqualTo(far + 4);
            assertThat(m.region(7, 3).get(2)).isEqualTo((byte) 3);
            ByteBuffer b = m.region(far, 4);
            assertThat(b.getInt(0)).isEqualTo(0x09080706);
        }
    }

    @Test
    void smallAndRegionMappingsSeeTheSameBytes() throws IOException {
        Path p = dir.resolve("small.bin");
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Files.write(p, bytes);
        try (MappedFile whole = MappedFile.open(p);
                MappedFile regions = MappedFile.open(p, 10)) {
            assertThat(whole.region(500, 20)).isEqualTo(regions.region(500, 20));
        }
    }

    @Test
    void regionOutsideTheFileIsRefused() throws IOException {
        Path p = dir.resolve("tiny.bin");
        Files.write(p, new byte[10]);
        try (MappedFile m = MappedFile.open(p)) {
            assertThatThrownBy(() -> m.region(8, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside");
        }
    }
}
