package dev.kiln.learn.cluster;

/** How k-means chooses its first centres. */
public enum CentreInit {
    /**
     * k-means++ (Arthur and Vassilvitskii, "k-means++: The Advantages of Careful Seeding", SODA
     * 2007): each next centre drawn with probability proportional to the squared distance to the
     * nearest centre so far, keeping the best of 2 + ⌊ln k⌋ draws (scikit-learn's greedy variant).
     */
    K_MEANS_PLUS_PLUS,
    /** k distinct rows drawn uniformly. */
    RANDOM
}
