package dev.kiln.nn.data;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.io.DataFormatException;
import dev.kiln.core.io.TabularFile;
import dev.kiln.nn.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Labelled images held as floats in [0, 1] (the byte value / 255, as torchvision's
 * {@code ToTensor}), channels first: the input of image classifiers. Immutable; {@link #batch}
 * copies the rows it is asked for.
 *
 * @param pixels   [size, channels, height, width], row-major
 * @param labels   class indices in [0, classes)
 * @param classes  the number of classes (one more than the largest label)
 * @param source   where the images came from, for provenance and messages
 */
public record ImageDataset(float[] pixels, int[] labels, int channels, int height, int width, int classes, String source) {
    public ImageDataset {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(source + ": image dimensions must be >= 1, got " + channels + "x" + height + "x" + width);
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(source + ": " + pixels.length + " pixel values for " + labels.length + " images of "
                    + channels + "x" + height + "x" + width);
        }
    }

    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return channels * height * width;
    }

    /**
     * Reads a data set: a directory holding the IDX pair {@code train-images-idx3-ubyte[.gz]} and
     * {@code train-labels-idx1-ubyte[.gz]} (or, with {@code split = "t10k"}, the test pair), an
     * IDX images file whose labels file sits beside it, or an image CSV (see {@link #fromCsv}).
     */
    public static ImageDataset read(Path path, String split) {
        if (Files.isDirectory(path)) {
            return fromIdx(find(path, split + "-images-idx3-ubyte"), find(path, split + "-labels-idx1-ubyte"));
        }
        String name = path.getFileName().toString();
        if (name.contains("-images-idx")) {
            Path labels = path.resolveSibling(name.replace("-images-idx3", "-labels-idx1"));
            return fromIdx(path, labels);
        }
        return fromCsv(path, "label");
    }

    private static Path find(Path dir, String stem) {
        for (String candidate : List.of(stem, stem + ".gz")) {
            if (Files.isRegularFile(dir.resolve(candidate))) {
                return dir.resolve(candidate);
            }
        }
        throw DataFormatException.of(dir.toString(), "directory holds neither " + stem + " nor " + stem + ".gz");
    }

    /** Images [n, rows, cols] and labels [n] from two IDX files. */
    public static ImageDataset fromIdx(Path imagesFile, Path labelsFile) {
        IdxFile images = IdxFile.read(imagesFile);
        IdxFile labels = IdxFile.read(labelsFile);
        if (images.shape().length != 3) {
            throw DataFormatException.of(imagesFile.toString(), "expected images of shape [count, rows, columns], got "
                    + Arrays.toString(images.shape()));
        }
        if (labels.shape().length != 1 || labels.shape()[0] != images.shape()[0]) {
            throw DataFormatException.of(labelsFile.toString(), "expected " + images.shape()[0] + " labels (shape ["
                    + images.shape()[0] + "]) for the images in " + imagesFile.getFileName() + ", got " + Arrays.toString(labels.shape()));
        }
        byte[] raw = images.values();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        int[] y = new int[labels.shape()[0]];
        int max = -1;
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.values()[i] & 0xff;
            max = Math.max(max, y[i]);
        }
        return new ImageDataset(pixels, y, 1, images.shape()[1], images.shape()[2], max + 1,
                imagesFile.toString());
    }

    /**
     * An image CSV: one row per image, a label column holding class indices, and one column per
     * pixel (0–255) in row-major order. Square greyscale images unless the pixel count is told
     * otherwise through {@link #reshaped}.
     */
    public static ImageDataset fromCsv(Path file, String labelColumn) {
        Frame frame = TabularFile.read(file);
        String source = file.toString();
        Column label = frame.column(labelColumn);
        List<Column> pixelColumns = new ArrayList<>();
        for (Column c : frame.columns()) {
            if (!c.name().equals(labelColumn)) {
                pixelColumns.add(c);
            }
        }
        int n = frame.rowCount();
        int p = pixelColumns.size();
        int side = (int) Math.round(Math.sqrt(p));
        if (p == 0 || side * side != p) {
            throw DataFormatException.of(source, p + " pixel columns beside '" + labelColumn
                    + "' do not make a square image; expected side² columns (784 for 28x28)");
        }
        int[] y = new int[n];
        int max = -1;
        double[] labels = label.toDoubles();
        for (int i = 0; i < n; i++) {
            double v = labels[i];
            if (Double.isNaN(v) || v < 0 || v != Math.rint(v) || v > 65535) {
                throw DataFormatException.inColumn(source, i + 2L, labelColumn, indexOf(frame, labelColumn),
                        "expected a class index (an integer >= 0), got " + (Double.isNaN(v) ? "a missing value" : v));
            }
            y[i] = (int) v;
            max = Math.max(max, y[i]);
        }
        float[] pixels = new float[n * p];
        for (int j = 0; j < p; j++) {
            Column c = pixelColumns.get(j);
            double[] v = c.toDoubles();
            for (int i = 0; i < n; i++) {
                if (!(v[i] >= 0 && v[i] <= 255)) {
                    throw DataFormatException.inColumn(source, i + 2L, c.name(), indexOf(frame, c.name()),
                            "expected a pixel value in [0, 255], got " + (Double.isNaN(v[i]) ? "a missing value" : v[i]));
                }
                pixels[i * p + j] = (float) (v[i] / 255);
            }
        }
        return new ImageDataset(pixels, y, 1, side, side, max + 1, source);
    }

    private static int indexOf(Frame frame, String column) {
        List<Column> columns = frame.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** A SHA-256 digest of the shape, pixels and labels: which data a model was trained on, for provenance. */
    public String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * (4 + labels.length + pixels.length));
            buf.putInt(channels).putInt(height).putInt(width).putInt(labels.length);
            for (int l : labels) {
                buf.putInt(l);
            }
            for (float v : pixels) {
                buf.putFloat(v);
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest(buf.array()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same images seen with another channel/height/width split of the same pixel count. */
    public ImageDataset reshaped(int channels, int height, int width) {
        if (channels * height * width != imageSize()) {
            throw new IllegalArgumentException(source + ": images of " + imageSize() + " values cannot be seen as " + channels + "x" + height
                    + "x" + width);
        }
        return new ImageDataset(pixels, labels, channels, height, width, classes, source);
    }

    /** The images at {@code rows}, shaped [rows, channels, height, width]. */
    public Tensor images(int[] rows) {
        return Tensor.of(gather(rows), rows.length, channels, height, width);
    }

    private float[] gather(int[] rows) {
        int size = imageSize();
        float[] out = new float[rows.length * size];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(pixels, rows[i] * size, out, i * size, size);
        }
        return out;
    }

    public int[] labels(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return out;
    }

    /** The rows at {@code rows} as a data set of their own. */
    public ImageDataset subset(int[] rows, String what) {
        return new ImageDataset(gather(rows), labels(rows), channels, height, width, classes, source + " (" + what + ")");
    }
}
