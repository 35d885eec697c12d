package dev.kiln.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.linalg.Matrix;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FrameOperationsTest {

    static Frame people() {
        return Frame.of(
                DoubleColumn.of("age", 31, Double.NaN, 58, 22),
                LongColumn.builder("visits").add(3).addMissing().add(7).add(0).build(),
                BooleanColumn.builder("member").add(true).add(false).addMissing().add(true).build(),
                CategoricalColumn.of("city", "Oslo", "Lima", null, "Oslo"),
                TextColumn.of("note", "likes tea", null, "said \"hi\"", "multi\nline"));
    }

    @Test
    void columnsKeepTypesValuesAndMissingRows() {
        Frame f = people();
        assertThat(f.rowCount()).isEqualTo(4);
        assertThat(f.names()).containsExactly("age", "visits", "member", "city", "note");
        assertThat(f.column("age").missingCount()).isEqualTo(1);
        assertThat(f.column("visits").getDouble(2)).isEqualTo(7);
        assertThat(f.column("visits").isMissing(1)).isTrue();
        assertThat(f.column("member").getDouble(0)).isEqualTo(1);
        assertThat(f.column("member").text(2)).isNull();
        CategoricalColumn city = (CategoricalColumn) f.column("city");
        assertThat(city.levels()).containsExactly("Oslo", "Lima");
        assertThat(city.codes()).containsExactly(0, 1, -1, 0);
        assertThat(city.levelCounts()).containsExactly(2, 1);
        assertThat(f.schema().field("city").levels()).containsExactly("Oslo", "Lima");
        assertThat(f.column("age").text(0)).isEqualTo("31");
    }

    @Test
    void selectDropFilterTakeAndRename() {
        Frame f = people();
        assertThat(f.select("city", "age").names()).containsExactly("city", "age");
        assertThat(f.drop("note", "member").names()).containsExactly("age", "visits", "city");
        Frame adults = f.filter(r -> f.column("age").getDouble(r) >= 30);
        assertThat(((DoubleColumn) adults.column("age")).toArray()).containsExactly(31, 58);
        Frame picked = f.take(new int[] {3, 3, 0});
        assertThat(picked.column("city").text(0)).isEqualTo("Oslo");
        assertThat(picked.column("note").text(2)).isEqualTo("likes tea");
        assertThat(f.rename("age", "years").names()).startsWith("years");
        assertThat(f.head(2).rowCount()).isEqualTo(2);
        assertThat(f.slice(1, 3).column("visits").isMissing(0)).isTrue();
        assertThat(f.withColumn(DoubleColumn.of("age", 1, 2, 3, 4)).column("age").getDouble(3)).isEqualTo(4);
        assertThat(f.withColumn(DoubleColumn.of("score", 1, 2, 3, 4)).names()).endsWith("score");
    }

    @Test
    void unknownColumnsListTheAvailableOnesAndSuggestTheClosest() {
        assertThatThrownBy(() -> people().column("agee"))
                .isInstanceOf(NoSuchColumnException.class)
                .hasMessage("unknown column 'agee' (did you mean 'age'?); available columns: age, visits, member, city, note");
        assertThatThrownBy(() -> people().select("zzz")).hasMessageNotContaining("did you mean");
        assertThatThrownBy(() -> Frame.of(DoubleColumn.of("a", 1), DoubleColumn.of("a", 2)))
                .hasMessage("two columns are named 'a'");
        assertThatThrownBy(() -> Frame.of(DoubleColumn.of("a", 1), DoubleColumn.of("b", 2, 3)))
                .hasMessage("column 'b' has 2 rows, but column 'a' has 1");
    }

    @Test
    void numericColumnsBecomeAMatrixAndOthersAreNamed() {
        Matrix m = people().select("age", "visits", "member").toMatrix();
        assertThat(m.rows()).isEqualTo(4);
        assertThat(m.row(0).toArray()).containsExactly(31, 3, 1);
        assertThat(m.row(1).toArray()).containsExactly(Double.NaN, Double.NaN, 0);
        assertThatThrownBy(() -> people().toMatrix())
                .hasMessage("cannot make a numeric matrix: columns 'city', 'note' are not numeric; encode or drop them first");
        assertThatThrownBy(() -> people().column("city").getDouble(0)).hasMessageContaining("encode it");
    }

    @Test
    void splitsArePartitionsDeterminedByTheSeed() {
        Frame f = Frame.of(LongColumn.of("id", IntStream.range(0, 100).asLongStream().toArray()));
        Frame.Split s = f.split(0.3, 42);
        assertThat(s.test().rowCount()).isEqualTo(30);
        assertThat(s.train().rowCount()).isEqualTo(70);
        Set<Long> all = new HashSet<>();
        for (Frame part : new Frame[] {s.train(), s.test()}) {
            for (int i = 0; i < part.rowCount(); i++) {
                assertThat(all.add(((LongColumn) part.column("id")).get(i))).isTrue();
            }
        }
        assertThat(all).hasSize(100);
        Frame.Split again = f.split(0.3, 42);
        assertThat(FrameFingerprint.of(again.test())).isEqualTo(FrameFingerprint.of(s.test()));
        assertThat(FrameFingerprint.of(f.split(0.3, 43).test())).isNotEqualTo(FrameFingerprint.of(s.test()));
        assertThatThrownBy(() -> f.split(1.0, 1)).hasMessageContaining("test fraction must be in (0, 1)");
    }

    @Test
    void fingerprintsChangeWithAnyValueNameOrType() {
        String base = FrameFingerprint.of(people());
        assertThat(FrameFingerprint.of(people())).isEqualTo(base);
        assertThat(FrameFingerprint.of(people().rename("age", "Age"))).isNotEqualTo(base);
        assertThat(FrameFingerprint.of(people().withColumn(DoubleColumn.of("age", 31, Double.NaN, 58, 22.000001))))
                .isNotEqualTo(base);
        Frame asText = people().withColumn(TextColumn.of("city", "Oslo", "Lima", null, "Oslo"));
        assertThat(FrameFingerprint.of(asText)).isNotEqualTo(base);
        Frame reordered = people().take(new int[] {1, 0, 2, 3});
        assertThat(FrameFingerprint.of(reordered)).isNotEqualTo(base);
    }

    @Test
    void printsATableOfTheFirstRows() {
        String table = people().toString();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("age").contains("city");
        assertThat(table).contains("NA").contains("multi line").endsWith("[4 rows x 5 columns]");
        assertThat(Arrays.stream(table.split("\n")).count()).isEqualTo(6);
    }
}
