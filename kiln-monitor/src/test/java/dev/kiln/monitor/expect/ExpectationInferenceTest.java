package dev.kiln.monitor.expect;

import dev.kiln.core.frame.BooleanColumn;
import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.TextColumn;
import dev.kiln.core.random.Rng;
import dev.kiln.monitor.profile.DataProfile;
import dev.kiln.monitor.profile.ValuePattern;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExpectationInferenceTest {

    private static Frame randomFrame(Rng rng, int rows, double shift) {
        DoubleColumn.Builder x = DoubleColumn.builder("x");
        CategoricalColumn.Builder colour = CategoricalColumn.builder("colour");
        TextColumn.Builder id = TextColumn.builder("id");
        TextColumn.Builder sku = TextColumn.builder("sku");
        boolean[] flag = new boolean[rows];
        double missingRate = rng.nextDouble() * 0.3;
        double scale = Math.exp(rng.nextGaussian() * 3);
        for (int i = 0; i < rows; i++) {
            if (rng.nextDouble() < missingRate) {
                x.addMissing();
            } else {
                x.add(scale * (shift + rng.nextGaussian()));
            }
            colour.add(new String[]{"red", "green", "blue"}[rng.nextInt(3)]);
            id.add("user-" + i);
            sku.add("SKU-" + (1000 + rng.nextInt(9000)));
            flag[i] = rng.nextBoolean();
        }
        return Frame.of(x.build(), colour.build(), id.build(), sku.build(), BooleanColumn.of("flag", flag));
    }

    /** The invariant that makes inferred suites usable: the data they were inferred from passes them. */
    @Test
    void theDataASuiteWasInferredFromPassesIt() {
        Rng rng = Rng.seeded(17);
        for (int trial = 0; trial < 30; trial++) {
            Frame data = randomFrame(rng, 50 + rng.nextInt(1500), 0);
            ExpectationSuite suite = ExpectationInference.from(DataProfile.of(data, "train.csv"), "train.csv");
            ValidationResult result = suite.validate(data, Detail.BASIC);
            assertThat(result.failures()).as("trial %d", trial).isEmpty();
        }
    }

    @Test
    void infersTheExpectedKinds() {
        Frame data = randomFrame(Rng.seeded(18), 500, 0);
        ExpectationSuite suite = ExpectationInference.from(DataProfile.of(data, "train.csv"), "train.csv");
        assertThat(suite.expectations()).extracting(e -> e.kind() + ":" + e.column()).contains(
                "columns:null", "row_count:null", "type:x", "not_null:x", "range:x", "mean:x", "quantile:x",
                "allowed_values:colour", "unique:id", "regex:sku", "allowed_values:flag",
                "distribution:x", "distribution:colour", "distribution:flag");
        // Not for free text: neither the unique ids nor the patterned codes.
        assertThat(suite.expectations()).extracting(e -> e.kind() + ":" + e.column())
                .doesNotContain("distribution:id", "distribution:sku");
        Expectation.DistributionWithin x = (Expectation.DistributionWithin) suite.expectations().stream()
                .filter(e -> e.kind().equals("distribution") && e.column().equals("x")).findFirst().orElseThrow();
        assertThat(x.method()).isEqualTo(DistanceMethod.PSI);
        assertThat(x.threshold()).isEqualTo(0.2);
        // Deciles: 11 edges, ten bins each holding a tenth of the training values.
        ReferenceDistribution.Bins bins = (ReferenceDistribution.Bins) x.reference();
        assertThat(bins.edges()).hasSize(11).isSorted();
        assertThat(bins.proportions()).allSatisfy(p -> assertThat(p).isCloseTo(0.1, within(0.01)));
        Expectation.DistributionWithin colour = (Expectation.DistributionWithin) suite.expectations().stream()
                .filter(e -> e.kind().equals("distribution") && e.column().equals("colour")).findFirst().orElseThrow();
        ReferenceDistribution.Categories categories = (ReferenceDistribution.Categories) colour.reference();
        assertThat(categories.proportions()).containsOnlyKeys("red", "green", "blue");
        assertThat(categories.other()).isZero();
    }

    @Test
    void distributionSettingsAreAnOptionOfInference() {
        Frame data = randomFrame(Rng.seeded(21), 800, 0);
        DataProfile profile = DataProfile.of(data, "train.csv");
        ExpectationSuite suite = ExpectationInference.from(profile, "train.csv",
                new ExpectationInference.Distribution(DistanceMethod.HELLINGER, 0.15, 20, 2));
        Expectation.DistributionWithin x = (Expectation.DistributionWithin) suite.expectations().stream()
                .filter(e -> e.kind().equals("distribution") && e.column().equals("x")).findFirst().orElseThrow();
        assertThat(x.method()).isEqualTo(DistanceMethod.HELLINGER);
        assertThat(x.threshold()).isEqualTo(0.15);
        assertThat(((ReferenceDistribution.Bins) x.reference()).edges()).hasSize(21);
        Expectation.DistributionWithin colour = (Expectation.DistributionWithin) suite.expectations().stream()
                .filter(e -> e.kind().equals("distribution") && e.column().equals("colour")).findFirst().orElseThrow();
        ReferenceDistribution.Categories two = (ReferenceDistribution.Categories) colour.reference();
        assertThat(two.proportions()).hasSize(2);
        assertThat(two.other()).isGreaterThan(0.2);
        assertThat(suite.validate(data, Detail.BASIC).failures()).isEmpty();
        assertThatThrownBy(() -> new ExpectationInference.Distribution(DistanceMethod.WASSERSTEIN, 0.1, 10, 20))
                .hasMessageContaining("compares numbers only");
    }

    @Test
    void shiftedOrCorruptedDataFails() {
        Rng rng = Rng.seeded(19);
        Frame train = randomFrame(rng, 1000, 0);
        ExpectationSuite suite = ExpectationInference.from(DataProfile.of(train, "train.csv"), "train.csv");
        Frame shifted = randomFrame(rng, 200, 3);
        assertThat(suite.validate(shifted, Detail.BASIC).failures()).extracting(r -> r.expectation().kind())
                .contains("mean", "quantile", "distribution");
        Frame renamed = shifted.rename("colour", "color");
        assertThat(suite.validate(renamed, Detail.BASIC).failures()).extracting(r -> r.expectation().kind())
                .contains("columns", "allowed_values");
    }

    /** Every string matches the regular expression of its own pattern, whatever its characters. */
    @Test
    void aValuesPatternRegexMatchesTheValue() {
        Rng rng = Rng.seeded(20);
        int[] alphabet = {'a', 'Z', '7', '-', '+', '\\', ' ', 'ø', 'Ω', '٣', '.', '*', '(', 0x1F600, 'ǅ', 'ª'};
        for (int trial = 0; trial < 2000; trial++) {
            StringBuilder s = new StringBuilder();
            int length = rng.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.appendCodePoint(alphabet[rng.nextInt(alphabet.length)]);
            }
            String value = s.toString();
            String regex = ExpectationInference.regexOf(ValuePattern.of(value));
            assertThat(Pattern.compile(regex).matcher(value).matches()).as("'%s' vs %s", value, regex).isTrue();
        }
    }
}
