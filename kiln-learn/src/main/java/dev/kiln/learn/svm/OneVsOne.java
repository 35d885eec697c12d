package dev.kiln.learn.svm;

import dev.kiln.core.parallel.Parallelism;
import dev.kiln.core.random.Rng;
import java.util.Arrays;

/**
 * Multiclass C-SVC as libsvm trains it: one binary problem per pair of classes (i, j), i &lt; j,
 * with class i as +1 (Knerr, Personnaz and Dreyfus 1990; Hsu and Lin, "A Comparison of Methods
 * for Multiclass Support Vector Machines", IEEE TNN 2002). With probabilities, each pair also
 * gets a Platt sigmoid fitted to decision values from an internal 5-fold cross-validation, as
 * libsvm's {@code svm_binary_svc_probability}. The pair problems and the cross-validation folds
 * are independent tasks, run in parallel; fold assignments come from the seed and the pair's
 * index, so the model does not depend on the thread count.
 */
final class OneVsOne {
    static final int FOLDS = 5;

    private OneVsOne() {
    }

    /**
     * The fitted pieces, in libsvm's layout: support vectors grouped by class, in training order
     * within a class; {@code coef} is (k − 1) x nSV, row j − 1 holding class i's coefficients in
     * pair (i, j) and row i class j's.
     */
    record Trained(int[] supportIndices, int[] supportCounts, double[] coef, double[] rho, double[] probA,
                   double[] probB) {
    }

    static Trained train(double[] x, int dims, int[] codes, int classes, double c, KernelFunction kernel,
                         SolverSettings settings, boolean probability, long seed) {
        int[][] members = members(codes, classes);
        int pairs = classes * (classes - 1) / 2;
        int[][] pairRows = new int[pairs][];
        byte[][] pairY = new byte[pairs][];
        for (int i = 0, p = 0; i < classes; i++) {
            for (int j = i + 1; j < classes; j++, p++) {
                pairRows[p] = concat(members[i], members[j]);
                pairY[p] = new byte[pairRows[p].length];
                Arrays.fill(pairY[p], 0, members[i].length, (byte) 1);
                Arrays.fill(pairY[p], members[i].length, pairY[p].length, (byte) -1);
            }
        }
        BinarySvc.Fit[] fits = new BinarySvc.Fit[pairs];
        double[][] heldOut = new double[pairs][];
        int[][] order = new int[pairs][];
        int perPair = probability ? 1 + FOLDS : 1;
        for (int p = 0; probability && p < pairs; p++) {
            order[p] = Rng.seeded(seed).stream(p).permutation(pairRows[p].length);
            heldOut[p] = new double[pairRows[p].length];
        }
        Parallelism.forEachPart(pairs * perPair, task -> {
            int p = task / perPair;
            int fold = task % perPair - 1;
            if (fold < 0) {
                fits[p] = BinarySvc.fit(x, dims, pairRows[p], pairY[p], c, c, kernel, settings);
            } else {
                crossValidate(x, dims, pairRows[p], pairY[p], order[p], fold, heldOut[p], c, kernel, settings);
            }
        });
        if (Arrays.stream(fits).anyMatch(f -> !f.converged())) {
            settings.warnUnconverged();
        }
        double[] probA = new double[probability ? pairs : 0];
        double[] probB = new double[probability ? pairs : 0];
        for (int p = 0; probability && p < pairs; p++) {
            boolean[] positive = new boolean[pairY[p].length];
            for (int t = 0; t < positive.length; t++) {
                positive[t] = pairY[p][t] > 0;
            }
            double[] ab = PlattScaling.fit(heldOut[p], positive);
            probA[p] = ab[0];
            probB[p] = ab[1];
        }
        return assemble(codes, classes, fits, probA, probB);
    }

    /**
     * Trains on all folds of a pair's rows but {@code fold} (rows in {@code order}, split into
     * five consecutive runs) and writes the held-out rows' decision values; a fold whose training
     * part has one class only gets ±1, as libsvm gives it.
     */
    private static void crossValidate(double[] x, int dims, int[] rows, byte[] y, int[] order, int fold, double[] out,
                                      double c, KernelFunction kernel, SolverSettings settings) {
        int l = rows.length;
        int begin = fold * l / FOLDS;
        int end = (fold + 1) * l / FOLDS;
        int[] trainRows = new int[l - (end - begin)];
        byte[] trainY = new byte[trainRows.length];
        int positives = 0;
        for (int t = 0, s = 0; t < l; t++) {
            if (t < begin || t >= end) {
                trainRows[s] = rows[order[t]];
                trainY[s] = y[order[t]];
                positives += trainY[s] > 0 ? 1 : 0;
                s++;
            }
        }
        int[] testRows = new int[end - begin];
        for (int t = begin; t < end; t++) {
            testRows[t - begin] = rows[order[t]];
        }
        double[] f;
        if (positives == 0 || positives == trainRows.length) {
            f = new double[testRows.length];
            Arrays.fill(f, positives == 0 ? -1 : 1);
        } else {
            f = BinarySvc.fit(x, dims, trainRows, trainY, c, c, kernel, settings).decisionValues(x, dims, kernel, testRows);
        }
        for (int t = begin; t < end; t++) {
            out[order[t]] = f[t - begin];
        }
    }

    private static Trained assemble(int[] codes, int classes, BinarySvc.Fit[] fits, double[] probA, double[] probB) {
        int n = codes.length;
        boolean[] support = new boolean[n];
        for (BinarySvc.Fit f : fits) {
            for (int t = 0; t < f.rows().length; t++) {
                support[f.rows()[t]] |= f.coef()[t] != 0;
            }
        }
        int[] counts = new int[classes];
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (support[i]) {
                counts[codes[i]]++;
                total++;
            }
        }
        int[] next = new int[classes];
        for (int k = 1; k < classes; k++) {
            next[k] = next[k - 1] + counts[k - 1];
        }
        int[] supportIndices = new int[total];
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            if (support[i]) {
                position[i] = next[codes[i]]++;
                supportIndices[position[i]] = i;
            }
        }
        double[] coef = new double[(classes - 1) * total];
        double[] rho = new double[fits.length];
        for (int i = 0, p = 0; i < classes; i++) {
            for (int j = i + 1; j < classes; j++, p++) {
                BinarySvc.Fit f = fits[p];
                rho[p] = f.rho();
                for (int t = 0; t < f.rows().length; t++) {
                    int r = f.rows()[t];
                    if (support[r]) {
                        int row = codes[r] == i ? j - 1 : i;
                        coef[row * total + position[r]] = f.coef()[t];
                    }
                }
            }
        }
        return new Trained(supportIndices, counts, coef, rho, probA, probB);
    }

    private static int[][] members(int[] codes, int classes) {
        int[] counts = new int[classes];
        for (int c : codes) {
            counts[c]++;
        }
        int[][] out = new int[classes][];
        for (int k = 0; k < classes; k++) {
            out[k] = new int[counts[k]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < codes.length; i++) {
            out[codes[i]][fill[codes[i]]++] = i;
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
