package dev.kiln.monitor.experiment;

import dev.kiln.core.stats.Distributions;

/**
 * Sample sizes and power of two-arm experiments with equal allocation and a two-sided test at
 * level α, by the normal approximation (Fleiss, Levin and Paik 2003, §4.2 for proportions;
 * Chow, Shao and Wang 2008, §3.2 for means).
 *
 * @param alpha significance level, in (0, 1)
 * @param power wanted probability of detecting the effect, in (0, 1)
 */
public record PowerAnalysis(double alpha, double power) {

    public PowerAnalysis {
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha and power must be in (0, 1), got " + alpha + " and " + power);
        }
    }

    /** α = 0.05, power 0.8: the usual plan. */
    public static PowerAnalysis standard() {
        return new PowerAnalysis(0.05, 0.8);
    }

    /**
     * Units per arm to detect a change of conversion rate from {@code baseline} to
     * {@code treatment}: n = (z_{1−α/2}√(2p̄q̄) + z_{power}√(p₁q₁ + p₂q₂))² / (p₂ − p₁)², rounded up.
     */
    public long unitsPerArm(double baseline, double treatment) {
        checkRate(baseline, "baseline");
        checkRate(treatment, "treatment");
        if (baseline == treatment) {
            throw new IllegalArgumentException("baseline and treatment rates are equal: no effect to detect");
        }
        double mean = (baseline + treatment) / 2;
        double a = zAlpha() * Math.sqrt(2 * mean * (1 - mean));
        double b = zPower() * Math.sqrt(baseline * (1 - baseline) + treatment * (1 - treatment));
        double effect = treatment - baseline;
        return (long) Math.ceil((a + b) * (a + b) / (effect * effect));
    }

    /** Units per arm to detect a difference {@code effect} in means of a metric with standard deviation {@code sd}: 2(z_{1−α/2} + z_power)²σ²/δ². */
    public long unitsPerArmForMeans(double sd, double effect) {
        if (!(sd > 0) || !(effect != 0) || Double.isNaN(effect)) {
            throw new IllegalArgumentException("need sd > 0 and a non-zero effect, got " + sd + " and " + effect);
        }
        double z = zAlpha() + zPower();
        return (long) Math.ceil(2 * z * z * sd * sd / (effect * effect));
    }

    /** The power of the two-proportion z-test with {@code unitsPerArm} units in each arm, ignoring the far tail. */
    public double powerFor(long unitsPerArm, double baseline, double treatment) {
        checkRate(baseline, "baseline");
        checkRate(treatment, "treatment");
        double mean = (baseline + treatment) / 2;
        double nullSe = Math.sqrt(2 * mean * (1 - mean) / unitsPerArm);
        double se = Math.sqrt((baseline * (1 - baseline) + treatment * (1 - treatment)) / unitsPerArm);
        return Distributions.normalCdf((Math.abs(treatment - baseline) - zAlpha() * nullSe) / se);
    }

    private double zAlpha() {
        return Distributions.normalQuantile(1 - alpha / 2);
    }

    private double zPower() {
        return Distributions.normalQuantile(power);
    }

    private static void checkRate(double rate, String name) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException(name + " rate must be in (0, 1), got " + rate);
        }
    }
}
