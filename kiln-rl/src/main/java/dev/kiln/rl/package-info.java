/**
 * Reinforcement learning: environments, MDP solvers, tabular Q-learning and SARSA, and deep
 * Q-networks trained with kiln-nn.
 */
package dev.kiln.rl;
