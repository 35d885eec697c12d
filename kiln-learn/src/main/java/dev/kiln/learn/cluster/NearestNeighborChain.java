package dev.kiln.learn.cluster;

/**
 * Agglomerative clustering by the nearest-neighbour chain (Murtagh, "A Survey of Recent Advances
 * in Hierarchical Clustering Algorithms", Computer Journal 1983; Müllner, "Modern hierarchical,
 * agglomerative clustering algorithms", arXiv 1109.2378, 2011), step for step as scipy's
 * {@code nn_chain}: the chain grows from the lowest live cluster by nearest neighbours (ties to
 * the previous link, then to the lower cluster) until its last two clusters are each other's
 * nearest; those two merge, the union taking the higher slot. Exact for reducible linkages
 * (Ward, complete, average); O(n²) distance evaluations.
 */
final class NearestNeighborChain {
    private NearestNeighborChain() {
    }

    static Merges merges(int n, ChainLinkage linkage) {
        Merges merges = new Merges(n);
        boolean[] dead = new boolean[n];
        int lowest = 0;
        int[] chain = new int[n];
        int length = 0;
        for (int k = 0; k < n - 1; k++) {
            if (length == 0) {
                while (dead[lowest]) {
                    lowest++;
                }
                chain[0] = lowest;
                length = 1;
            }
            int x;
            int y;
            while (true) {
                x = chain[length - 1];
                int previous = length > 1 ? chain[length - 2] : -1;
                y = linkage.nearest(x, previous);
                if (y == previous) {
                    break;
                }
                chain[length++] = y;
            }
            length -= 2;
            int low = Math.min(x, y);
            int high = Math.max(x, y);
            merges.set(k, low, high, linkage.height(linkage.between(low, high)));
            linkage.merge(low, high);
            dead[low] = true;
        }
        return merges;
    }
}
