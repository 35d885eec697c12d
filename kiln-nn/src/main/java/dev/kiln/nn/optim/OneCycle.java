package dev.kiln.nn.optim;

import java.util.Arrays;
import java.util.Objects;

/**
 * The one-cycle policy (Smith and Topin, "Super-Convergence", 2017), as PyTorch's
 * {@code OneCycleLR}: the rate rises from η_max/divFactor to η_max over the first
 * {@code pctStart} of the steps, then anneals to η_max/(divFactor·finalDivFactor) at the last
 * step; with three phases it first comes back down to η_max/divFactor, symmetrically, before the
 * final anneal. Phase boundaries are PyTorch's (the first phase ends at step pctStart·T − 1).
 * PyTorch's momentum cycling is not part of it, and steps run from 0 to T − 1 (PyTorch also
 * computes, but never uses, a rate for step T).
 *
 * @param maxRate        η_max, finite and ≥ 0
 * @param totalSteps     T, the number of updates, ≥ 2
 * @param pctStart       the share of steps spent rising, in (0, 1) (PyTorch: 0.3)
 * @param divFactor      η_max over the starting rate, finite and > 0 (25)
 * @param finalDivFactor the starting rate over the final one, finite and > 0 (1e4)
 * @param anneal         the shape of each phase (cosine)
 * @param threePhase     whether to return to the starting rate before the final anneal (false)
 */
public record OneCycle(double maxRate, int totalSteps, double pctStart, double divFactor, double finalDivFactor, Anneal anneal,
        boolean threePhase) implements LearningRateSchedule {

    /** How the rate moves between a phase's end points. */
    public enum Anneal {
        /** start + (end − start)(1 − cos πp)/2 at fraction p of the phase. */
        COSINE,
        /** start + (end − start)·p. */
        LINEAR
    }

    public OneCycle {
        if (!(maxRate >= 0) || Double.isInfinite(maxRate)) {
            throw new IllegalArgumentException("OneCycle: the maximum rate must be a finite number >= 0, got " + maxRate);
        }
        if (totalSteps < 2) {
            throw new IllegalArgumentException("OneCycle: total steps must be >= 2, got " + totalSteps);
        }
        if (!(pctStart > 0 && pctStart < 1)) {
            throw new IllegalArgumentException("OneCycle: pctStart must be in (0, 1), got " + pctStart);
        }
        if (!(divFactor > 0) || Double.isInfinite(divFactor) || !(finalDivFactor > 0) || Double.isInfinite(finalDivFactor)) {
            throw new IllegalArgumentException("OneCycle: divFactor and finalDivFactor must be finite numbers > 0, got "
                    + divFactor + " and " + finalDivFactor);
        }
        Objects.requireNonNull(anneal, "OneCycle: anneal");
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        for (int i = 0; i < ends.length; i++) {
            if (!(ends[i] > (i == 0 ? 0 : ends[i - 1]))) {
                throw new IllegalArgumentException("OneCycle: pctStart " + pctStart + " of " + totalSteps + " steps leaves phase " + (i + 1)
                        + " empty (the phases end at steps " + Arrays.toString(ends) + ")");
            }
        }
    }

    /** PyTorch's defaults: pctStart 0.3, divFactor 25, finalDivFactor 1e4, cosine, two phases. */
    public static OneCycle of(double maxRate, int totalSteps) {
        return new OneCycle(maxRate, totalSteps, 0.3, 25, 1e4, Anneal.COSINE, false);
    }

    public OneCycle withPctStart(double v) {
        return new OneCycle(maxRate, totalSteps, v, divFactor, finalDivFactor, anneal, threePhase);
    }

    public OneCycle withDivFactors(double div, double finalDiv) {
        return new OneCycle(maxRate, totalSteps, pctStart, div, finalDiv, anneal, threePhase);
    }

    public OneCycle withAnneal(Anneal v) {
        return new OneCycle(maxRate, totalSteps, pctStart, divFactor, finalDivFactor, v, threePhase);
    }

    public OneCycle withThreePhase(boolean v) {
        return new OneCycle(maxRate, totalSteps, pctStart, divFactor, finalDivFactor, anneal, v);
    }

    private static double[] phaseEnds(int totalSteps, double pctStart, boolean threePhase) {
        double rise = pctStart * totalSteps - 1;
        return threePhase
                ? new double[] {rise, 2 * pctStart * totalSteps - 2, totalSteps - 1}
                : new double[] {rise, totalSteps - 1};
    }

    @Override
    public double rate(int step) {
        if (step < 0 || step >= totalSteps) {
            throw new IllegalArgumentException("OneCycle: step must be in [0, " + totalSteps + "), got " + step);
        }
        double initial = maxRate / divFactor;
        double min = initial / finalDivFactor;
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        double[] from = threePhase ? new double[] {initial, maxRate, initial} : new double[] {initial, maxRate};
        double[] to = threePhase ? new double[] {maxRate, initial, min} : new double[] {maxRate, min};
        double start = 0;
        for (int i = 0; ; i++) {
            if (step <= ends[i] || i == ends.length - 1) {
                double pct = (step - start) / (ends[i] - start);
                return anneal == Anneal.COSINE
                        ? to[i] + (from[i] - to[i]) / 2 * (Math.cos(Math.PI * pct) + 1)
                        : (to[i] - from[i]) * pct + from[i];
            }
            start = ends[i];
        }
    }
}
