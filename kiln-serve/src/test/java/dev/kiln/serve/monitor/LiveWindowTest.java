package dev.kiln.serve.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.ColumnType;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.LongColumn;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.core.model.RegressionPrediction;
import dev.kiln.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The window keeps the most recent rows, oldest first, in their column types, with what was predicted for each. */
class LiveWindowTest {
    private static final Schema SCHEMA = new Schema(List.of(Schema.Field.of("x", ColumnType.DOUBLE), Schema.Field.of("n", ColumnType.LONG),
            Schema.Field.of("flag", ColumnType.BOOLEAN), new Schema.Field("colour", ColumnType.CATEGORICAL, List.of("red", "green")),
            Schema.Field.of("note", ColumnType.TEXT)));

    private static Frame rows(int from, int to) {
        int n = to - from;
        double[] x = new double[n];
        LongColumn.Builder longs = LongColumn.builder("n");
        boolean[] flag = new boolean[n];
        String[] colour = new String[n];
        String[] note = new String[n];
        for (int i = 0; i < n; i++) {
            int row = from + i;
            x[i] = row == 3 ? Double.NaN : row;
            if (row % 5 == 0) {
                longs.addMissing();
            } else {
                longs.add(row * 10L);
            }
            flag[i] = row % 2 == 0;
            colour[i] = row % 7 == 0 ? null : row % 2 == 0 ? "red" : "green";
            note[i] = "row " + row;
        }
        return Frame.of(DoubleColumn.of("x", x), longs.build(), BooleanColumn.of("flag", flag), CategoricalColumn.of("colour", colour),
                TextColumn.of("note", note));
    }

    private static ClassificationPrediction labels(int from, int to) {
        int[] labels = IntStream.range(from, to).map(i -> i % 3 == 0 ? 1 : 0).toArray();
        return new ClassificationPrediction(List.of("no", "yes"), labels, null);
    }

    @Test
    void keepsTheMostRecentRowsOldestFirstAcrossRequests() {
        LiveWindow window = new LiveWindow(SCHEMA, 10);
        window.add(rows(0, 4), labels(0, 4));
        window.add(rows(4, 13), labels(4, 13));
        window.add(rows(13, 17), labels(13, 17));
        assertThat(window.size()).isEqualTo(10);
        assertThat(window.total()).isEqualTo(17);
        Frame f = window.snapshot();
        assertThat(f.names()).containsExactly("x", "n", "flag", "colour", "note", "prediction");
        Frame expected = rows(7, 17);
        for (int i = 0; i < 10; i++) {
            for (String c : List.of("x", "n", "flag", "colour", "note")) {
                assertThat(f.column(c).text(i)).as(c + " row " + i).isEqualTo(expected.column(c).text(i));
            }
            assertThat(f.column("prediction").text(i)).isEqualTo((7 + i) % 3 == 0 ? "yes" : "no");
        }
        assertThat(f.column("n").type()).isEqualTo(ColumnType.LONG);
        assertThat(f.column("n").missingCount()).isEqualTo(2);   // rows 10 and 15
        assertThat(f.column("flag").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(f.column("colour").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(f.column("colour").missingCount()).isEqualTo(2);   // rows 7 and 14
        assertThat(f.column("note").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void aRequestLargerThanTheWindowLeavesItsLastRows() {
        LiveWindow window = new LiveWindow(SCHEMA, 10);
        window.add(rows(0, 25), labels(0, 25));
        assertThat(window.total()).isEqualTo(25);
        assertThat(window.snapshot().column("note").text(0)).isEqualTo("row 15");
        assertThat(window.snapshot().column("note").text(9)).isEqualTo("row 24");
    }

    @Test
    void anEmptyWindowHasNoPredictionColumnAndARegressorsIsNumeric() {
        Schema one = new Schema(List.of(Schema.Field.of("x", ColumnType.DOUBLE)));
        LiveWindow window = new LiveWindow(one, 10);
        assertThat(window.snapshot().names()).containsExactly("x");
        assertThat(window.snapshot().rowCount()).isZero();
        window.add(Frame.of(DoubleColumn.of("x", 1, 2)), new RegressionPrediction(new double[] {3.5, -1}));
        assertThat(window.snapshot().column("prediction").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(window.snapshot().column("prediction").toDoubles()).containsExactly(3.5, -1);
    }

    @Test
    void randomizedRequestsAlwaysLeaveTheLastCapacityRows() {
        Rng rng = Rng.seeded(7);
        Schema one = new Schema(List.of(Schema.Field.of("x", ColumnType.DOUBLE)));
        for (int trial = 0; trial < 50; trial++) {
            int capacity = 10 + rng.nextInt(40);
            LiveWindow window = new LiveWindow(one, capacity);
            List<Double> all = new ArrayList<>();
            for (int request = 0; request < 1 + rng.nextInt(12); request++) {
                double[] x = new double[1 + rng.nextInt(2 * capacity)];
                for (int i = 0; i < x.length; i++) {
                    x[i] = all.size() + i;
                }
                window.add(Frame.of(DoubleColumn.of("x", x)), new RegressionPrediction(x.clone()));
                for (double v : x) {
                    all.add(v);
                }
            }
            double[] expected = all.subList(Math.max(0, all.size() - capacity), all.size()).stream().mapToDouble(Double::doubleValue)
                    .toArray();
            assertThat(window.snapshot().column("x").toDoubles()).as("trial " + trial).containsExactly(expected);
            assertThat(window.snapshot().column("prediction").toDoubles()).containsExactly(expected);
        }
    }
}
