/**
 * Linear models, estimated from first principles and checked against scikit-learn 1.2:
 * least squares ({@link dev.kiln.learn.linear.LinearRegression}), ridge
 * ({@link dev.kiln.learn.linear.Ridge}, closed form), the lasso and elastic net
 * ({@link dev.kiln.learn.linear.Lasso}, {@link dev.kiln.learn.linear.ElasticNet},
 * {@link dev.kiln.learn.linear.ElasticNetPath}; coordinate descent), stochastic gradient descent
 * ({@link dev.kiln.learn.linear.SgdRegressor}, {@link dev.kiln.learn.linear.Perceptron}),
 * logistic regression ({@link dev.kiln.learn.linear.LogisticRegression}) and a linear SVM
 * ({@link dev.kiln.learn.linear.LinearSvm}; dual coordinate descent). Regressors fit
 * {@link dev.kiln.learn.linear.LinearRegressorModel}s, classifiers
 * {@link dev.kiln.learn.linear.LinearClassifierModel}s; all are savable through
 * {@link dev.kiln.learn.linear.LinearModelCodecs}.
 */
package dev.kiln.learn.linear;
