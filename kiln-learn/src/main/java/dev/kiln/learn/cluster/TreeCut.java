package dev.kiln.learn.cluster;

/**
 * scikit-learn's {@code _hc_cut}: starting from the root, repeatedly split the highest-numbered
 * cluster into its two children, keeping the clusters in a binary heap of negated ids operated
 * exactly as Python's {@code heapq} operates it ({@code heappush}, then {@code heappushpop});
 * cluster i of the heap's final array order becomes label i. Following the heap step for step is
 * what makes the labels scikit-learn's, not merely the same partition.
 */
final class TreeCut {
    private TreeCut() {
    }

    static int[] labels(Dendrogram tree, int clusters) {
        int n = tree.leaves();
        int[] heap = new int[clusters];
        heap[0] = -(2 * n - 2);
        int size = 1;
        for (int s = 1; s < clusters; s++) {
            int merge = -heap[0] - n;
            heap[size] = -tree.first(merge);
            siftDown(heap, 0, size);
            size++;
            int item = -tree.second(merge);
            if (heap[0] < item) {
                heap[0] = item;
                siftUp(heap, size);
            }
        }
        int[] labels = new int[n];
        int[] stack = new int[n];
        for (int label = 0; label < size; label++) {
            int top = 0;
            stack[top++] = -heap[label];
            while (top > 0) {
                int node = stack[--top];
                if (node < n) {
                    labels[node] = label;
                } else {
                    stack[top++] = tree.first(node - n);
                    stack[top++] = tree.second(node - n);
                }
            }
        }
        return labels;
    }

    /** heapq._siftdown: moves heap[pos] up towards {@code start} while it is smaller than its parent. */
    private static void siftDown(int[] heap, int start, int pos) {
        int item = heap[pos];
        while (pos > start) {
            int parent = (pos - 1) >> 1;
            if (item < heap[parent]) {
                heap[pos] = heap[parent];
                pos = parent;
            } else {
                break;
            }
        }
        heap[pos] = item;
    }

    /** heapq._siftup from the root: the smaller child rises until a leaf, then the item sifts down. */
    private static void siftUp(int[] heap, int end) {
        int pos = 0;
        int item = heap[0];
        int child = 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !(heap[child] < heap[right])) {
                child = right;
            }
            heap[pos] = heap[child];
            pos = child;
            child = 2 * pos + 1;
        }
        heap[pos] = item;
        siftDown(heap, 0, pos);
    }
}
