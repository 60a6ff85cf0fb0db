package org.gsweather.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading back and comparing rendered images in tests. */
final class Images {
    private Images() {}

    /** Decodes a PNG with ImageIO into non-premultiplied ARGB pixels, row-major. */
    static int[] decode(byte[] png, int width, int height) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            if (img.getWidth() != width || img.getHeight() != height) {
                throw new AssertionError("PNG is " + img.getWidth() + "x" + img.getHeight());
            }
            int[] px = img.getRGB(0, 0, width, height, null, 0, width);
            for (int k = 0; k < px.length; k++) {
                if ((px[k] >>> 24) == 0) {
                    px[k] = 0;
                }
            }
            return px;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a 2x2 block of tiles into one image of twice the size, tile by tile. */
    static int[] mosaic(
            TileRenderer r,
            FieldSource src,
            java.util.List<Style> styles,
            TileMatrixSet tms,
            int z,
            int x,
            int y,
            int size) {
        int[] out = new int[4 * size * size];
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                Canvas c = r.render(src, styles, tms.tile(z, x + dx, y + dy, size));
                int[] px = c.pixels();
                for (int row = 0; row < size; row++) {
                    System.arraycopy(px, row * size, out, (dy * size + row) * 2 * size + dx * size, size);
                }
            }
        }
        return out;
    }

    /** Writes the image under target/images for a person to look at. */
    static void save(String name, byte[] png) {
        try {
            Path dir = Path.of("target", "images");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int channelDifference(int a, int b) {
        int d = 0;
        for (int s = 0; s < 32; s += 8) {
            d = Math.max(d, Math.abs(((a >>> s) & 0xff) - ((b >>> s) & 0xff)));
        }
        return d;
    }
}
