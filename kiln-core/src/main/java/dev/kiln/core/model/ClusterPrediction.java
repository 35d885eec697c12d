package dev.kiln.core.model;

/** The cluster of each row; −1 marks noise (rows in no cluster, as DBSCAN reports them). */
public record ClusterPrediction(int[] clusters) implements Prediction {

    public ClusterPrediction {
        clusters = clusters.clone();
        for (int i = 0; i < clusters.length; i++) {
            if (clusters[i] < -1) {
                throw new IllegalArgumentException("row " + i + ": cluster " + clusters[i] + " is below -1");
            }
        }
    }

    @Override
    public int size() {
        return clusters.length;
    }

    public int cluster(int row) {
        return clusters[row];
    }

    @Override
    public int[] clusters() {
        return clusters.clone();
    }
}
