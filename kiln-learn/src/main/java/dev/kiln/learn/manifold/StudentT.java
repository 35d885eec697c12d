package dev.kiln.learn.manifold;

/**
 * The heavy-tailed similarity of t-SNE's embedding: w = (1 + d²/α)^(−(α+1)/2) with α degrees
 * of freedom (van der Maaten, "Learning a parametric embedding by preserving local structure",
 * AISTATS 2009; scikit-learn takes α = max(components − 1, 1)). With q = w/Z,
 * ∂KL/∂y_i = (2(α+1)/α)·Σ_j (p_ij − q_ij)·u_ij·(y_i − y_j), u = (1 + d²/α)⁻¹, which for α = 1
 * is the familiar 4·Σ (p − q)·w·(y_i − y_j).
 */
record StudentT(double alpha) {

    static StudentT forComponents(int components) {
        return new StudentT(Math.max(components - 1, 1));
    }

    /** u = (1 + d²/α)⁻¹. */
    double inverse(double d2) {
        return alpha / (alpha + d2);
    }

    /** w = u^((α+1)/2). */
    double similarity(double u) {
        return alpha == 1 ? u : Math.pow(u, (alpha + 1) / 2);
    }

    /** The factor 2(α+1)/α in front of the gradient. */
    double gradientScale() {
        return 2 * (alpha + 1) / alpha;
    }
}
