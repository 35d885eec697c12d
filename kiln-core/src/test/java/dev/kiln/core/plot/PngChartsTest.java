package dev.kiln.core.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same charts painted as PNG images: the right size, and each series in its colour where it should be. */
class PngChartsTest {

    @Test
    void aLineIsPaintedInItsColourAlongItsPath() throws Exception {
        LineChart chart = new LineChart("t", "x", "y").series("s", new double[] {0, 1}, new double[] {0, 1}).range(0, 1, 0, 1);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.toPng()));
        assertThat(image.getWidth()).isEqualTo(chart.width());
        assertThat(image.getHeight()).isEqualTo(chart.height());
        // The diagonal from (0, 0) to (1, 1) passes through the middle of the plot area: PlotArea maps
        // x = 0.5 to 70 + 0.5 × 470 = 305 and y = 0.5 to 365 − 0.5 × 325 = 202.5.
        assertThat(near(image, 305, 202, RasterCanvas.color(Palette.categorical(0)).getRGB())).isTrue();
        assertThat(image.getRGB(5, 5) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void heatmapCellsAreShadedByValue() throws Exception {
        Heatmap h = new Heatmap("cm", "true", "pred", new String[] {"a", "b"}, new String[] {"a", "b"}, new double[][] {{10, 0}, {0, 5}});
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(h.toPng()));
        assertThat(image.getWidth()).isEqualTo(h.width());
        // The largest value gets the darkest blue, zero the palest: compare the red channel of two cell corners.
        double left = 40 + 6.6;
        int dark = image.getRGB((int) left + 3, 70 + 3);
        int pale = image.getRGB((int) left + 3, 70 + 3 + 60);
        assertThat((dark >> 16) & 0xff).isLessThan((pale >> 16) & 0xff);
    }

    @Test
    void writesPngOrSvgByExtension(@TempDir Path dir) throws Exception {
        BarChart chart = new BarChart("b", "v").bar("x", 2).bar("y", 1);
        chart.write(dir.resolve("bars.png"));
        chart.write(dir.resolve("bars.svg"));
        assertThat(ImageIO.read(dir.resolve("bars.png").toFile()).getHeight()).isEqualTo(chart.height());
        assertThat(Files.readString(dir.resolve("bars.svg"))).startsWith("<svg");
        assertThatThrownBy(() -> chart.write(dir.resolve("bars.jpg"))).hasMessageContaining("expected a .png or .svg file");
        assertThatThrownBy(() -> RasterCanvas.color("red")).hasMessageContaining("#rrggbb");
    }

    private static boolean near(BufferedImage image, int x, int y, int rgb) {
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                int p = image.getRGB(x + dx, y + dy);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 40 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 40
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 40) {
                    return true;
                }
            }
        }
        return false;
    }
}
