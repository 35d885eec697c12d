package dev.kiln.learn.tree;

import dev.kiln.core.random.Rng;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Grows CART trees (Breiman, Friedman, Olshen and Stone, Classification and Regression Trees,
 * 1984) on a {@link CartData}: at each node, up to {@code maxFeatures} features drawn at random
 * (features constant in the node do not count, as in scikit-learn) are scanned for the
 * threshold that most lowers the weighted impurity; the tree grows depth-first, or best-first
 * by impurity decrease when the number of leaves is limited.
 *
 * <p>Rows are found in feature order without sorting at each node: every feature's rows are
 * sorted once per data set, and each split partitions those orders stably into the children
 * (the presorting of SLIQ, Mehta, Agrawal and Rissanen 1996). That costs O(features) per row
 * and node however few features a node draws, so once a node is small enough that sorting its
 * drawn features is cheaper, its subtree sorts instead (by each row's precomputed rank).
 *
 * <p>One grower serves many trees, from many threads at once; each {@link #grow} call borrows
 * scratch space sized to the data and returns it afterwards.
 */
public final class CartGrower {
    /** scikit-learn's EPSILON: impurities and decreases this small count as zero. */
    private static final double EPSILON = Math.ulp(1.0);

    private final CartData data;
    private final GrowthLimits limits;
    private final int maxFeatures;
    private final ClassificationCriterion classCriterion;
    private final RegressionCriterion regressionCriterion;
    private final double presortFactor;
    private final ConcurrentLinkedQueue<Workspace> idle = new ConcurrentLinkedQueue<>();

    private CartGrower(CartData data, GrowthLimits limits, int maxFeatures, ClassificationCriterion classCriterion,
                       RegressionCriterion regressionCriterion, double presortFactor) {
        if (maxFeatures < 1 || maxFeatures > data.featureCount()) {
            throw new IllegalArgumentException("maxFeatures must be in [1, " + data.featureCount() + "], got " + maxFeatures);
        }
        this.data = data;
        this.limits = limits;
        this.maxFeatures = maxFeatures;
        this.classCriterion = classCriterion;
        this.regressionCriterion = regressionCriterion;
        this.presortFactor = presortFactor;
    }

    /** A grower of classification trees on {@code data}, drawing {@code maxFeatures} features per split. */
    public static CartGrower classification(CartData data, ClassificationCriterion criterion, GrowthLimits limits,
                                            int maxFeatures) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("classification trees need class codes");
        }
        return new CartGrower(data, limits, maxFeatures, criterion, null, 1.0);
    }

    /** A grower of regression trees on {@code data}, drawing {@code maxFeatures} features per split. */
    public static CartGrower regression(CartData data, RegressionCriterion criterion, GrowthLimits limits,
                                        int maxFeatures) {
        if (data.isClassification()) {
            throw new IllegalArgumentException("regression trees need numeric targets");
        }
        return new CartGrower(data, limits, maxFeatures, null, criterion, 1.0);
    }

    /**
     * This grower with another rule for keeping presorted orders: a node of n rows keeps them while
     * {@code features <= factor · maxFeatures · bits(n)}; 0 always sorts, infinity always keeps.
     */
    CartGrower withPresortFactor(double factor) {
        return new CartGrower(data, limits, maxFeatures, classCriterion, regressionCriterion, factor);
    }

    /**
     * Grows a tree on the rows of positive weight, each counted with its weight (a bootstrap
     * sample is a weight per row: how often it was drawn). {@code rng} draws the features.
     *
     * @param weights one weight ≥ 0 per row, or null for all 1
     * @throws IllegalArgumentException when no row has a positive weight
     */
    public Tree grow(double[] weights, Rng rng) {
        double[] w = weights;
        if (w == null) {
            w = new double[data.rows()];
            Arrays.fill(w, 1.0);
        } else if (w.length != data.rows()) {
            throw new IllegalArgumentException(w.length + " weights for " + data.rows() + " rows");
        }
        Workspace ws = idle.poll();
        if (ws == null) {
            ws = new Workspace();
        }
        try {
            return new Growth(ws, w, rng).run();
        } finally {
            idle.offer(ws);
        }
    }

    /** Scratch arrays for one tree at a time. */
    private final class Workspace {
        final int n = data.rows();
        final int p = data.featureCount();
        final int[][] sorted = new int[p][];
        final int[] samples = new int[n];
        final int[] order = new int[n];
        final int[] buffer = new int[n];
        final double[] values = new double[n];
        final long[] keys = new long[n];
        /** Per row: whether it is in the sample (while the root is prepared), whether it goes left (while a node is split). */
        final byte[] rowFlags = new byte[n];
        final int[] features = new int[p];
        final SplitCriterion criterion = classCriterion != null
                ? ClassCriterion.of(classCriterion, data.classCodes(), data.classCount())
                : regressionCriterion == RegressionCriterion.SQUARED_ERROR ? new SquaredErrorCriterion(data.targets())
                : new AbsoluteErrorCriterion(data.targets(), data.targetRanks());
        final BestSplit best = new BestSplit();

        int[] sorted(int f) {
            if (sorted[f] == null) {
                sorted[f] = new int[n];
            }
            return sorted[f];
        }
    }

    /**
     * A node that may be split: its rows {@code [start, end)} of the sample arrays (the presorted
     * orders, or {@code samples} once {@code presorted} is false), and once evaluated its best split.
     */
    private static final class Candidate {
        final int id;
        final int start;
        final int end;
        final int depth;
        final boolean presorted;
        int feature;
        double threshold;
        int leftCount;
        double improvement;
        double[] leftValue;
        double[] rightValue;
        double leftImpurity;
        double rightImpurity;
        double leftWeight;
        double rightWeight;

        Candidate(int id, int start, int end, int depth, boolean presorted) {
            this.id = id;
            this.start = start;
            this.end = end;
            this.depth = depth;
            this.presorted = presorted;
        }
    }

    /** The growing of one tree. */
    private final class Growth {
        final Workspace ws;
        final double[] weight;
        final Rng rng;
        final SplitCriterion criterion;
        final TreeArrays tree;
        final int width;
        double rootWeight;

        Growth(Workspace ws, double[] weight, Rng rng) {
            this.ws = ws;
            this.weight = weight;
            this.rng = rng;
            this.criterion = ws.criterion;
            criterion.useWeights(weight);
            this.width = criterion.valueWidth();
            this.tree = new TreeArrays(width);
            for (int f = 0; f < ws.p; f++) {
                ws.features[f] = f;
            }
        }

        Tree run() {
            int m = 0;
            byte[] in = ws.rowFlags;
            for (int i = 0; i < ws.n; i++) {
                if (weight[i] > 0) {
                    ws.samples[m++] = i;
                    in[i] = 1;
                } else if (weight[i] == 0) {
                    in[i] = 0;
                } else {
                    throw new IllegalArgumentException("row " + i + " has weight " + weight[i] + "; weights must be >= 0");
                }
            }
            if (m == 0) {
                throw new IllegalArgumentException("no row has a positive weight");
            }
            boolean presort = presortPays(m);
            if (presort) {
                for (int f = 0; f < ws.p; f++) {
                    int[] all = data.order(f);
                    int[] mine = ws.sorted(f);
                    int k = 0;
                    for (int i = 0; i < ws.n && k < m; i++) {
                        int r = all[i];
                        mine[k] = r;
                        k += in[r];
                    }
                }
            }
            double[] value = new double[width];
            double impurity = criterion.node(rows(presort), 0, m, value);
            rootWeight = criterion.nodeWeight();
            int root = tree.addNode(value, impurity, m, rootWeight);
            Candidate first = evaluate(new Candidate(root, 0, m, 0, presort), impurity, rootWeight);
            if (limits.maxLeafNodes() == null) {
                growDepthFirst(first);
            } else {
                growBestFirst(first, limits.maxLeafNodes());
            }
            return tree.toTree();
        }

        private void growDepthFirst(Candidate root) {
            ArrayDeque<Candidate> stack = new ArrayDeque<>();
            if (root != null) {
                stack.push(root);
            }
            while (!stack.isEmpty()) {
                Candidate c = stack.pop();
                Candidate[] children = expand(c);
                if (children[1] != null) {
                    stack.push(children[1]);
                }
                if (children[0] != null) {
                    stack.push(children[0]);
                }
            }
        }

        private void growBestFirst(Candidate root, int maxLeaves) {
            PriorityQueue<Candidate> frontier = new PriorityQueue<>((a, b) -> a.improvement != b.improvement
                    ? Double.compare(b.improvement, a.improvement) : Integer.compare(a.id, b.id));
            if (root != null) {
                frontier.add(root);
            }
            int leaves = 1;
            while (!frontier.isEmpty() && leaves < maxLeaves) {
                Candidate c = frontier.poll();
                leaves++;
                for (Candidate child : expand(c)) {
                    if (child != null) {
                        frontier.add(child);
                    }
                }
            }
        }

        /** The array holding the rows of a node in the given mode. */
        private int[] rows(boolean presorted) {
            return presorted ? ws.sorted[0] : ws.samples;
        }

        /** Whether keeping every feature's order through a node of {@code n} rows costs less than sorting. */
        private boolean presortPays(int n) {
            return ws.p <= presortFactor * maxFeatures * (32 - Integer.numberOfLeadingZeros(n));
        }

        /**
         * Finds the best split of a node that the stopping rules allow to split; returns the node
         * with its split and children statistics, or null when it stays a leaf.
         */
        private Candidate evaluate(Candidate c, double impurity, double nodeWeight) {
            if (!maySplit(c.end - c.start, c.depth, impurity)) {
                return null;
            }
            BestSplit best = ws.best;
            best.reset();
            int[] nodeRows = rows(c.presorted);
            criterion.beginScan(nodeRows, c.start, c.end);
            int drawable = ws.p;
            int visited = 0;
            while (drawable > 0 && visited < maxFeatures) {
                int j = rng.nextInt(drawable);
                int f = ws.features[j];
                ws.features[j] = ws.features[drawable - 1];
                ws.features[drawable - 1] = f;
                drawable--;
                if (c.presorted ? scanPresorted(c, f, best) : scanSorting(c, f, best)) {
                    visited++;
                }
            }
            if (!best.found()) {
                return null;
            }
            c.feature = best.feature;
            c.threshold = best.threshold;
            int[] childRows;
            if (c.presorted) {
                childRows = ws.sorted[c.feature];
                c.leftCount = countAtMost(childRows, c.start, c.end, data.column(c.feature), c.threshold);
            } else {
                childRows = ws.samples;
                c.leftCount = partitionByThreshold(childRows, c.start, c.end, data.column(c.feature), c.threshold);
            }
            int mid = c.start + c.leftCount;
            c.leftValue = new double[width];
            c.rightValue = new double[width];
            c.leftImpurity = criterion.node(childRows, c.start, mid, c.leftValue);
            c.leftWeight = criterion.nodeWeight();
            c.rightImpurity = criterion.node(childRows, mid, c.end, c.rightValue);
            c.rightWeight = criterion.nodeWeight();
            c.improvement = nodeWeight / rootWeight * (impurity - c.rightWeight / nodeWeight * c.rightImpurity
                    - c.leftWeight / nodeWeight * c.leftImpurity);
            if (c.improvement + EPSILON < limits.minImpurityDecrease()) {
                return null;
            }
            return c;
        }

        /** Scans feature f through the presorted orders; false when f is constant in the node. */
        private boolean scanPresorted(Candidate c, int f, BestSplit best) {
            int[] order = ws.sorted[f];
            double[] col = data.column(f);
            if (col[order[c.end - 1]] <= col[order[c.start]] + BestSplit.FEATURE_THRESHOLD) {
                return false;
            }
            double[] values = ws.values;
            for (int i = c.start; i < c.end; i++) {
                values[i] = col[order[i]];
            }
            criterion.scan(order, values, c.start, c.end, limits.minSamplesLeaf(), f, best);
            return true;
        }

        /** Sorts the node's rows by feature f and scans them; false when f is constant in the node. */
        private boolean scanSorting(Candidate c, int f, BestSplit best) {
            int[] rank = data.ranks(f);
            double[] col = data.column(f);
            long[] keys = ws.keys;
            int[] samples = ws.samples;
            for (int i = c.start; i < c.end; i++) {
                int r = samples[i];
                keys[i] = ((long) rank[r] << 32) | r;
            }
            Arrays.sort(keys, c.start, c.end);
            int[] order = ws.order;
            double[] values = ws.values;
            for (int i = c.start; i < c.end; i++) {
                int r = (int) keys[i];
                order[i] = r;
                values[i] = col[r];
            }
            if (values[c.end - 1] <= values[c.start] + BestSplit.FEATURE_THRESHOLD) {
                return false;
            }
            criterion.scan(order, values, c.start, c.end, limits.minSamplesLeaf(), f, best);
            return true;
        }

        /** Whether the stopping rules let a node of n rows at this depth and impurity be split. */
        private boolean maySplit(int n, int depth, double impurity) {
            return depth < limits.depthLimit() && n >= limits.minSamplesSplit() && n >= 2 * limits.minSamplesLeaf()
                    && impurity > EPSILON;
        }

        /**
         * Splits an evaluated node: adds its children to the tree and, for those that may split
         * further, arranges their rows (children that will be leaves need no order).
         */
        private Candidate[] expand(Candidate c) {
            int mid = c.start + c.leftCount;
            boolean leftMaySplit = maySplit(c.leftCount, c.depth + 1, c.leftImpurity);
            boolean rightMaySplit = maySplit(c.end - mid, c.depth + 1, c.rightImpurity);
            boolean leftPresorted = c.presorted && leftMaySplit && presortPays(c.leftCount);
            boolean rightPresorted = c.presorted && rightMaySplit && presortPays(c.end - mid);
            if (c.presorted && (leftPresorted || rightPresorted)) {
                partitionPresorted(c, mid);
                if (leftMaySplit && !leftPresorted) {
                    System.arraycopy(ws.sorted[0], c.start, ws.samples, c.start, c.leftCount);
                }
                if (rightMaySplit && !rightPresorted) {
                    System.arraycopy(ws.sorted[0], mid, ws.samples, mid, c.end - mid);
                }
            } else if (c.presorted && (leftMaySplit || rightMaySplit)) {
                System.arraycopy(ws.sorted[c.feature], c.start, ws.samples, c.start, c.end - c.start);
            }
            int leftId = tree.addNode(c.leftValue, c.leftImpurity, c.leftCount, c.leftWeight);
            int rightId = tree.addNode(c.rightValue, c.rightImpurity, c.end - mid, c.rightWeight);
            tree.setSplit(c.id, c.feature, c.threshold, leftId, rightId);
            Candidate left = evaluate(new Candidate(leftId, c.start, mid, c.depth + 1, leftPresorted),
                    c.leftImpurity, c.leftWeight);
            Candidate right = evaluate(new Candidate(rightId, mid, c.end, c.depth + 1, rightPresorted),
                    c.rightImpurity, c.rightWeight);
            return new Candidate[] {left, right};
        }

        /** Stably partitions every feature's order of the node: rows going left first. */
        private void partitionPresorted(Candidate c, int mid) {
            byte[] goesLeft = ws.rowFlags;
            int[] split = ws.sorted[c.feature];
            for (int i = c.start; i < mid; i++) {
                goesLeft[split[i]] = 1;
            }
            for (int i = mid; i < c.end; i++) {
                goesLeft[split[i]] = 0;
            }
            int[] buffer = ws.buffer;
            for (int f = 0; f < ws.p; f++) {
                if (f == c.feature) {
                    continue;
                }
                int[] a = ws.sorted[f];
                int l = c.start;
                int r = 0;
                for (int i = c.start; i < c.end; i++) {
                    int row = a[i];
                    int toLeft = goesLeft[row];
                    a[l] = row;
                    buffer[r] = row;
                    l += toLeft;
                    r += 1 - toLeft;
                }
                System.arraycopy(buffer, 0, a, l, r);
            }
        }
    }

    /** How many of {@code rows[start, end)}, in increasing order of {@code col}, have a value ≤ t. */
    private static int countAtMost(int[] rows, int start, int end, double[] col, double t) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (col[rows[mid]] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - start;
    }

    /** Moves the rows of {@code rows[start, end)} with {@code col ≤ t} to the front; returns how many. */
    private static int partitionByThreshold(int[] rows, int start, int end, double[] col, double t) {
        int i = start;
        int j = end - 1;
        while (true) {
            while (i <= j && col[rows[i]] <= t) {
                i++;
            }
            while (i <= j && col[rows[j]] > t) {
                j--;
            }
            if (i >= j) {
                return i - start;
            }
            int tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
        }
    }
}
