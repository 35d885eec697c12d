package dev.kiln.monitor.expect;

import dev.kiln.core.frame.CategoricalColumn;
import dev.kiln.core.frame.DoubleColumn;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.random.Rng;
import dev.kiln.monitor.profile.ColumnProfile;
import dev.kiln.monitor.profile.DataProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DistributionWithinTest {
    /** Four unit bins, a quarter each. */
    private static final ReferenceDistribution.Bins QUARTERS = new ReferenceDistribution.Bins(
            List.of(0.0, 1.0, 2.0, 3.0, 4.0), List.of(0.25, 0.25, 0.25, 0.25), 1.25);

    /** 10, 20, 30 and 40 values in the four bins: shares (0.1, 0.2, 0.3, 0.4). */
    private static Frame tenToForty() {
        List<Double> values = new ArrayList<>();
        for (int bin = 0; bin < 4; bin++) {
            for (int i = 0; i < 10 * (bin + 1); i++) {
                values.add(bin + (i + 0.5) / (10.0 * (bin + 1)));
            }
        }
        return Frame.of(DoubleColumn.of("x", values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private static double observed(Expectation e, Frame data) {
        return (Double) e.check(data, Detail.SUMMARY).observed();
    }

    /*
     * r = (0.25, 0.25, 0.25, 0.25), c = (0.1, 0.2, 0.3, 0.4):
     *   PSI = Σ (r − c) ln(r / c), written out below                         # 0.22821740957339182
     *   /usr/bin/python3: from scipy.spatial import distance
     *   distance.jensenshannon(r, c, base=2)                                  # 0.2005033225314282
     *   Hellinger √(1 − Σ √(r c)) (np.sqrt(1 - np.sum(np.sqrt(r * c))))      # 0.16789959640267496
     *   Wasserstein between the histograms (uniform within bins): F_r − F_c at the edges is
     *   0, 0.15, 0.2, 0.15, 0, all of one sign → trapezoids 0.075 + 0.175 + 0.175 + 0.075 = 0.5,
     *   normed by std 1.25 → 0.4
     */
    @Test
    void numericDistancesMatchClosedForms() {
        Frame data = tenToForty();
        double psi = 0.15 * Math.log(2.5) + 0.05 * Math.log(1.25) - 0.05 * Math.log(0.25 / 0.3) - 0.15 * Math.log(0.625);
        assertThat(psi).isCloseTo(0.22821740957339182, within(1e-15));
        assertThat(observed(new Expectation.DistributionWithin("x", DistanceMethod.PSI, 0.2, QUARTERS), data))
                .isCloseTo(psi, within(1e-14));
        assertThat(observed(new Expectation.DistributionWithin("x", DistanceMethod.JENSENSHANNON, 0.1, QUARTERS), data))
                .isCloseTo(0.2005033225314282, within(1e-14));
        assertThat(observed(new Expectation.DistributionWithin("x", DistanceMethod.HELLINGER, 0.1, QUARTERS), data))
                .isCloseTo(0.16789959640267496, within(1e-14));
        assertThat(observed(new Expectation.DistributionWithin("x", DistanceMethod.WASSERSTEIN, 0.1, QUARTERS), data))
                .isCloseTo(0.4, within(1e-14));
        // Pass when distance ≤ threshold.
        assertThat(new Expectation.DistributionWithin("x", DistanceMethod.PSI, 0.23, QUARTERS).check(data, Detail.BASIC).success()).isTrue();
        assertThat(new Expectation.DistributionWithin("x", DistanceMethod.PSI, 0.22, QUARTERS).check(data, Detail.BASIC).success()).isFalse();
    }

    /** Values below the first edge count in the first bin, values above the last in the last. */
    @Test
    void valuesBeyondTheEdgesFallInTheEndBins() {
        Frame outside = Frame.of(DoubleColumn.of("x", -100, 0.5, 1.5, 2.5, 3.5, 4, 1e9, Double.NaN));
        ExpectationResult r = new Expectation.DistributionWithin("x", DistanceMethod.PSI, 0.2, QUARTERS).check(outside, Detail.COMPLETE);
        assertThat(r.bins()).extracting(DistributionBin::current).containsExactly(2 / 7.0, 1 / 7.0, 1 / 7.0, 3 / 7.0);
        assertThat(r.bins()).extracting(DistributionBin::bin).containsExactly("< 1", "[1, 2)", "[2, 3)", ">= 3");
    }

    /*
     * r = (0.5, 0.3, 0.2, other 0), c = (0.4, 0.3, 0.2, 0.1): PSI fills the empty reference share with
     * Evidently's 10⁻⁴ (not renormalised): 0.1·ln(1.25) + (10⁻⁴ − 0.1)·ln(10⁻⁴ / 0.1)
     *   /usr/bin/python3: rf = np.where(r == 0, 1e-4, r); np.sum((rf - c) * np.log(rf / c))   # 0.7123991075017365
     *   distance.jensenshannon(r, c, base=2)                                                   # 0.2324129365435581
     *   np.sqrt(1 - np.sum(np.sqrt(r * c)))                                                    # 0.22975292054736132
     */
    @Test
    void unseenCategoriesCountAsOther() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(i < 40 ? "a" : i < 70 ? "b" : i < 90 ? "c" : i < 95 ? "new" : "newer");
        }
        Frame data = Frame.of(CategoricalColumn.of("k", values.toArray(String[]::new)));
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("a", 0.5);
        shares.put("b", 0.3);
        shares.put("c", 0.2);
        ReferenceDistribution.Categories reference = new ReferenceDistribution.Categories(shares, 0);
        ExpectationResult psi = new Expectation.DistributionWithin("k", DistanceMethod.PSI, 0.2, reference).check(data, Detail.SUMMARY);
        assertThat((Double) psi.observed()).isCloseTo(0.1 * Math.log(1.25) + (1e-4 - 0.1) * Math.log(1e-4 / 0.1), within(1e-14))
                .isCloseTo(0.7123991075017365, within(1e-14));
        assertThat(psi.success()).isFalse();
        assertThat(psi.bins()).extracting(DistributionBin::bin).containsExactly("a", "b", "c", "other");
        assertThat(psi.bins().get(3).current()).isEqualTo(0.1);
        // The note names the bins that moved most, largest contribution first.
        assertThat(psi.note()).startsWith("moved most: other 0.0% → 10.0%, a 50.0% → 40.0%");
        assertThat(observed(new Expectation.DistributionWithin("k", DistanceMethod.JENSENSHANNON, 0.1, reference), data))
                .isCloseTo(0.2324129365435581, within(1e-14));
        assertThat(observed(new Expectation.DistributionWithin("k", DistanceMethod.HELLINGER, 0.1, reference), data))
                .isCloseTo(0.22975292054736132, within(1e-14));
    }

    private static Frame normal(Rng rng, int rows, double mean) {
        double[] x = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = mean + rng.nextGaussian();
        }
        return Frame.of(DoubleColumn.of("x", x));
    }

    /** Inferred from a training profile: a fresh sample of the same generator passes, a shift of one sd fails, by every method. */
    @Test
    void theSameGeneratorPassesAndAShiftOfOneStandardDeviationFails() {
        Rng rng = Rng.seeded(31);
        ColumnProfile train = DataProfile.of(normal(rng, 20_000, 0), "train").column("x");
        ReferenceDistribution.Bins reference = ReferenceDistribution.Bins.fromProfile(train, 10);
        assertThat(reference.edges()).hasSize(11);
        Frame same = normal(rng, 5_000, 0);
        Frame shifted = normal(rng, 5_000, 1);
        for (DistanceMethod method : DistanceMethod.values()) {
            Expectation e = new Expectation.DistributionWithin("x", method, method.defaultThreshold(), reference);
            ExpectationResult ok = e.check(same, Detail.SUMMARY);
            ExpectationResult moved = e.check(shifted, Detail.SUMMARY);
            assertThat(ok.success()).as("%s on the same distribution: %s", method, ok.observed()).isTrue();
            assertThat(moved.success()).as("%s on a shifted one: %s", method, moved.observed()).isFalse();
            assertThat((Double) ok.observed()).as(method.label()).isLessThan(method.defaultThreshold() / 2);
        }
        // A shift up empties the low bins and piles into the top one.
        ExpectationResult psi = new Expectation.DistributionWithin("x", DistanceMethod.PSI, 0.2, reference).check(shifted, Detail.SUMMARY);
        assertThat(psi.movedMost(1).get(0).bin()).startsWith(">=");
    }

    /**
     * A sample against the reference inferred from its own profile is close to it: the KLL sketch's
     * rank error (about 1.3% at k = 200) is all that separates them, exactly nothing while the
     * sketch keeps every value. Ten bins of 0.1 each off by at most two rank errors bound the PSI by
     * 10 · 0.026 · ln(0.126 / 0.074) ≈ 0.14; the observed figures are far below. The normed
     * Wasserstein distance weighs a share error by its bin's width over the standard deviation, which
     * is unbounded for heavy tails (the log-normal's top decile spans dozens of standard
     * deviations: a share error of 1% there moves the distance by about 0.3), so it is held to the
     * bound only on the generators without a long tail.
     */
    @Test
    void aSampleIsCloseToTheReferenceOfItsOwnProfile() {
        Rng rng = Rng.seeded(32);
        List<DoubleSupplier> generators = List.of(rng::nextGaussian, () -> -Math.log(1 - rng.nextDouble()),
                () -> Math.exp(2 * rng.nextGaussian()), () -> rng.nextInt(7), () -> rng.nextDouble() < 0.6 ? 0 : rng.nextDouble());
        List<Integer> longTailed = List.of(1, 2);
        for (int trial = 0; trial < 25; trial++) {
            int generator = trial % generators.size();
            DoubleSupplier draw = generators.get(generator);
            int rows = 50 + rng.nextInt(trial < 10 ? 150 : 30_000);
            double[] x = new double[rows];
            for (int i = 0; i < rows; i++) {
                x[i] = draw.getAsDouble();
            }
            Frame data = Frame.of(DoubleColumn.of("x", x));
            ReferenceDistribution.Bins reference = ReferenceDistribution.Bins.fromProfile(DataProfile.of(data, "d").column("x"), 10);
            for (DistanceMethod method : DistanceMethod.values()) {
                if (method == DistanceMethod.WASSERSTEIN && longTailed.contains(generator) && rows > 200) {
                    continue;
                }
                double d = observed(new Expectation.DistributionWithin("x", method, 1, reference), data);
                assertThat(d).as("trial %d, %d rows, %s", trial, rows, method).isLessThan(rows <= 200 ? 1e-5 : 0.02);
            }
        }
    }

    @Test
    void detailLevelsAndMissingOrWrongColumns() {
        Expectation e = new Expectation.DistributionWithin("x", DistanceMethod.PSI, 0.1, QUARTERS);
        Frame data = tenToForty();
        assertThat(e.check(data, Detail.BASIC).bins()).isEmpty();
        assertThat(e.check(data, Detail.BASIC).note()).isNull();
        ValidationResult summary = new ExpectationSuite("s", List.of(e)).validate(data, Detail.SUMMARY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> moved = (List<Map<String, Object>>) ((List<Map<String, Object>>) summary.toMap().get("results"))
                .get(0).get("moved_bins");
        assertThat(moved).hasSize(3);
        assertThat(moved.get(0)).containsEntry("bin", "< 1").containsEntry("reference", 0.25).containsEntry("current", 0.1);
        ValidationResult complete = new ExpectationSuite("s", List.of(e)).validate(data, Detail.COMPLETE);
        assertThat(complete.toMap().toString()).contains("moved_bins").contains("[2, 3)");

        assertThat(e.check(Frame.of(DoubleColumn.of("y", 1)), Detail.BASIC).note()).isEqualTo("column 'x' is missing");
        assertThat(e.check(Frame.of(CategoricalColumn.of("x", "a")), Detail.BASIC).note()).isEqualTo("column 'x' is categorical, not numeric");
        assertThat(e.check(Frame.of(DoubleColumn.of("x", Double.NaN)), Detail.BASIC).note()).isEqualTo("no values");
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new Expectation.DistributionWithin("x", DistanceMethod.PSI, -0.1, QUARTERS))
                .hasMessageContaining("threshold >= 0");
        ReferenceDistribution.Categories categories = new ReferenceDistribution.Categories(Map.of("a", 1.0), 0);
        assertThatThrownBy(() -> new Expectation.DistributionWithin("x", DistanceMethod.WASSERSTEIN, 0.1, categories))
                .hasMessageContaining("needs a reference with edges");
        assertThatThrownBy(() -> new ReferenceDistribution.Bins(List.of(0.0, 2.0, 1.0), List.of(0.5, 0.5), null))
                .hasMessageContaining("edges must increase");
        assertThatThrownBy(() -> new ReferenceDistribution.Bins(List.of(0.0, 1.0, 2.0), List.of(0.5, 0.4), null))
                .hasMessageContaining("proportions sum to 0.9");
    }

    @Test
    void theReportShowsTheDistanceAndAChart() {
        Expectation e = new Expectation.DistributionWithin("x", DistanceMethod.PSI, 0.2, QUARTERS);
        String html = ValidationReport.html(new ExpectationSuite("s", List.of(e)).validate(tenToForty(), Detail.SUMMARY), "d.csv");
        assertThat(html).contains("Distributions", "<svg", "x: psi 0.2282 &gt; threshold 0.2 — failed", "4 bins")
                .doesNotContain("proportions");
    }
}
