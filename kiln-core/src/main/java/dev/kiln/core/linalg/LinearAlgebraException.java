package dev.kiln.core.linalg;

/**
 * Thrown when a decomposition cannot deliver what was asked of it because of the numbers in
 * the matrix rather than its shape: a matrix that is not positive definite, a rank-deficient
 * least-squares problem, or an iteration that did not converge. The message says what was
 * found and what was expected.
 */
public class LinearAlgebraException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LinearAlgebraException(String message) {
        super(message);
    }
}
