package dev.kiln.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.TextColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random frames with awkward strings and numbers, written by {@link CsvWriter} and read back
 * by {@link CsvReader}. String columns, and columns with no values, are read with their types
 * forced: their text could pass for numbers, or be classified differently. Set
 * {@code -Dkiln.test.seed=N} to vary the seeds; a failure names the seed that reproduces it.
 */
class CsvRoundTripTest {
    private static final long MASTER_SEED = Long.getLong("kiln.test.seed", 20_240_917L);
    private static final String[] PIECES = {"a", "Zürich", "李", "\uD83D\uDE00", ",", ";", "\t", "|", "\"", "'", "\"\"",
        "\n", "\r\n", "\r", " ", "  lead", "trail  ", "NA", "null", "#", "12", "-3.5e7", "true", "inf", "\uFEFF", "é"};
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    @TempDir
    Path dir;

    static LongStream seeds() {
        return new Random(MASTER_SEED).longs(150);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomFramesReadBackEqual(long seed) {
        Random random = new Random(seed);
        Frame frame = randomFrame(random);
        CsvOptions.Builder builder = CsvOptions.builder()
                .delimiter(DELIMITERS[random.nextInt(DELIMITERS.length)])
                .quote(random.nextBoolean() ? '"' : '\'')
                .quotedMarkersAreMissing(false);
        if (random.nextBoolean()) {
            builder.commentPrefix("#");
        }
        CsvOptions options = builder.build();
        Path file = dir.resolve("frame-" + seed + ".csv");
        CsvWriter.write(frame, file, options);

        Frame back = CsvReader.read(file, options.withTypes(typesToForce(frame)));

        assertThat(back.schema()).as("seed %d", seed).isEqualTo(frame.schema());
        Frames.assertSameFrame(back, frame);
    }

    private static Map<String, ColumnType> typesToForce(Frame frame) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Column c : frame.columns()) {
            boolean string = c.type() == ColumnType.CATEGORICAL || c.type() == ColumnType.TEXT;
            if (string || c.missingCount() == c.size()) {
                types.put(c.name(), c.type());
            }
        }
        return types;
    }

    private static Frame randomFrame(Random random) {
        int rows = random.nextInt(30);
        int columns = 1 + random.nextInt(6);
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            String name = "c" + j + (random.nextInt(3) == 0 ? awkward(random) : "");
            out.add(randomColumn(random, name.isBlank() ? "c" + j : name, rows));
        }
        return Frame.of(out);
    }

    private static Column randomColumn(Random random, String name, int rows) {
        double missing = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 0.3;
        switch (random.nextInt(5)) {
            case 0 -> {
                DoubleColumn.Builder b = DoubleColumn.builder(name);
                for (int i = 0; i < rows; i++) {
                    b.add(random.nextDouble() < missing ? Double.NaN : randomDouble(random));
                }
                return b.build();
            }
            case 1 -> {
                LongColumn.Builder b = LongColumn.builder(name);
                for (int i = 0; i < rows; i++) {
                    if (random.nextDouble() < missing) {
                        b.addMissing();
                    } else {
                        b.add(switch (random.nextInt(4)) {
                            case 0 -> Long.MIN_VALUE;
                            case 1 -> Long.MAX_VALUE;
                            default -> random.nextInt(2001) - 1000;
                        });
                    }
                }
                return b.build();
            }
            case 2 -> {
                BooleanColumn.Builder b = BooleanColumn.builder(name);
                for (int i = 0; i < rows; i++) {
                    if (random.nextDouble() < missing) {
                        b.addMissing();
                    } else {
                        b.add(random.nextBoolean());
                    }
                }
                return b.build();
            }
            case 3 -> {
                List<String> pool = List.of(awkward(random), awkward(random), awkward(random));
                CategoricalColumn.Builder b = CategoricalColumn.builder(name);
                for (int i = 0; i < rows; i++) {
                    b.add(random.nextDouble() < missing ? null : pool.get(random.nextInt(pool.size())));
                }
                return b.build();
            }
            default -> {
                TextColumn.Builder b = TextColumn.builder(name);
                for (int i = 0; i < rows; i++) {
                    b.add(random.nextDouble() < missing ? null : awkward(random));
                }
                return b.build();
            }
        }
    }

    private static double randomDouble(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextInt(100) - 50;
            case 2 -> random.nextBoolean() ? -0.0 : Double.NEGATIVE_INFINITY;
            case 3 -> random.nextBoolean() ? Double.MIN_VALUE : Double.POSITIVE_INFINITY;
            default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        };
    }

    /** Zero to four pieces that trouble CSV: delimiters, quotes, line breaks, spaces, markers, numbers, unicode. */
    private static String awkward(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int k = random.nextInt(5); k > 0; k--) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
