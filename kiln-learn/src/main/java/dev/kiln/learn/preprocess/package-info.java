/**
 * Preprocessing steps, each a {@link dev.kiln.core.model.Transformer} whose fitted form is an
 * immutable {@link dev.kiln.core.model.FittedTransformer} with a model-file codec and column
 * lineage. The sub-packages hold one concept each: {@code impute} (missing values),
 * {@code outlier} (fences and clipping), {@code scale}, {@code encode}, {@code compose}
 * (per-column transformers) and {@code features} (polynomial features).
 *
 * <h2>Which columns a step acts on</h2>
 * Every step takes an optional list of column names in its parameters. Without one, numeric
 * steps act on every numeric column (double, long, boolean) and encoders on every categorical
 * and text column; the remaining columns pass through untouched, in place.
 *
 * <h2>Output column names</h2>
 * <ul>
 *   <li>Steps that map a column to one column keep its name and place (scalers, imputers,
 *       clipping, ordinal encoding); numeric results are double columns.</li>
 *   <li>One-hot encoding replaces a column, in place, by one column per category named
 *       {@code column=category} ({@code city=Oslo}, {@code smoker=true}); a missing value seen
 *       in fitting is a category of its own, named {@code column_missing}.</li>
 *   <li>Missing-value indicators are named {@code column_missing} and appended at the end.</li>
 *   <li>Polynomial features are named {@code 1} (the bias), {@code a}, {@code a^2},
 *       {@code a*b}, {@code a^2*b}, … and take the place of the first column they use.</li>
 * </ul>
 * {@link dev.kiln.core.model.FittedTransformer#sources} maps each output name back to the
 * input columns it came from ({@code city=Oslo} to {@code city}, {@code a*b} to {@code a} and
 * {@code b}, the bias {@code 1} to none).
 */
package dev.kiln.learn.preprocess;
