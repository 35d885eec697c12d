package dev.kiln.explain.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupingTest {

    private static final Frame PEOPLE = Frame.of(
            CategoricalColumn.of("sex", "f", "m", "f", "m", "f", "m"),
            DoubleColumn.of("age", 19, 30, 45, 22, 61, 70));

    private static List<SensitiveFeature.Binned> binned(Frame frame, String specs) {
        return SensitiveFeature.parseList(specs).stream().map(f -> f.bin(frame)).toList();
    }

    @Test
    void thresholdsMakeLabelledBinsInOrder() {
        Grouping g = Grouping.of(PEOPLE, binned(PEOPLE, "age:25,60"));
        assertThat(g.groups().stream().map(Grouping.Group::name)).containsExactly("age=<25", "age=[25,60)", "age=>=60");
        // rows: 19 → <25, 30 → [25,60), 45 → [25,60), 22 → <25, 61 → >=60, 70 → >=60
        assertThat(g.groupOfRows()).containsExactly(0, 1, 1, 0, 2, 2);
    }

    @Test
    void intersectionsEnumerateTheCombinationsThatOccur() {
        Grouping g = Grouping.of(PEOPLE, binned(PEOPLE, "sex,age:25"));
        // f: 19 (<25), 45, 61 (>=25); m: 30, 70 (>=25), 22 (<25) → all four combinations occur
        assertThat(g.groups().stream().map(Grouping.Group::name))
                .containsExactly("sex=f, age=<25", "sex=f, age=>=25", "sex=m, age=<25", "sex=m, age=>=25");
        assertThat(g.groupOfRows()).containsExactly(0, 3, 1, 2, 1, 3);
        assertThat(g.indexOf(Map.of("sex", "m", "age", "<25"))).isEqualTo(2);
    }

    /** On random data, the groups are exactly the distinct value pairs, and every row is in the group of its own pair. */
    @Test
    void randomIntersectionsMatchBruteForce() {
        Rng rng = Rng.seeded(3);
        for (int trial = 0; trial < 10; trial++) {
            int n = 20 + rng.nextInt(80);
            String[] a = new String[n];
            String[] b = new String[n];
            for (int i = 0; i < n; i++) {
                a[i] = "a" + rng.nextInt(3);
                b[i] = "b" + rng.nextInt(4);
            }
            Frame f = Frame.of(CategoricalColumn.of("A", a), CategoricalColumn.of("B", b));
            Grouping g = Grouping.of(f, binned(f, "A,B"));
            Set<String> pairs = new HashSet<>();
            for (int i = 0; i < n; i++) {
                pairs.add("A=" + a[i] + ", B=" + b[i]);
                assertThat(g.groups().get(g.groupOf(i)).name()).isEqualTo("A=" + a[i] + ", B=" + b[i]);
            }
            assertThat(g.groupCount()).isEqualTo(pairs.size());
        }
    }

    @Test
    void quantileBinsSplitTheRowsEvenly() {
        // quartile edges of 19 22 30 45 61 70 (numpy: np.quantile(v, [.25, .5, .75]) = 24, 37.5, 57)
        SensitiveFeature.Binned b = SensitiveFeature.parse("age:q4").bin(PEOPLE);
        assertThat(b.edges()).containsExactly(24.0, 37.5, 57.0);
    }

    @Test
    void badSpecificationsAreRefusedWithTheReason() {
        Frame manyAges = Frame.of(DoubleColumn.of("age", 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28));
        assertThatThrownBy(() -> SensitiveFeature.parse("age").bin(manyAges)).hasMessageContaining("11 distinct values")
                .hasMessageContaining("age:q4");
        assertThatThrownBy(() -> Grouping.of(PEOPLE, binned(PEOPLE, "age:80"))).hasMessageContaining("the bin >=80 has no rows");
        assertThatThrownBy(() -> SensitiveFeature.parse("age:x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> SensitiveFeature.parse("age:30,20")).hasMessageContaining("ascending");
        assertThatThrownBy(() -> SensitiveFeature.parse("sex:25").bin(PEOPLE)).hasMessageContaining("cannot be binned");
        assertThatThrownBy(() -> SensitiveFeature.parse("income").bin(PEOPLE)).hasMessageContaining("sex, age");
        Grouping g = Grouping.of(PEOPLE, binned(PEOPLE, "sex"));
        assertThatThrownBy(() -> g.indexOf(Map.of("sex", "x"))).hasMessageContaining("sex=f").hasMessageContaining("sex=m");
        assertThatThrownBy(() -> g.indexOf(Map.of("age", "1"))).hasMessageContaining("[sex]");
    }

    @Test
    void aNumberAfterAThresholdedFeatureIsAnotherEdge() {
        assertThat(SensitiveFeature.parseList("sex,age:25,60,foreign")).containsExactly(SensitiveFeature.of("sex"),
                new SensitiveFeature("age", List.of(25.0, 60.0), 0), SensitiveFeature.of("foreign"));
        assertThat(SensitiveFeature.parseList("age:q3,sex")).containsExactly(new SensitiveFeature("age", List.of(), 3),
                SensitiveFeature.of("sex"));
    }

    @Test
    void missingValuesFormTheirOwnGroup() {
        Frame f = Frame.of(DoubleColumn.of("x", 1, Double.NaN, 2, 1));
        Grouping g = Grouping.of(f, binned(f, "x"));
        assertThat(g.groups().stream().map(Grouping.Group::name)).containsExactly("x=1", "x=2", "x=(missing)");
    }
}
