/**
 * Networks: {@code Mlp} (immutable layers of weights, biases and activations), losses, the batched forward and
 * backward passes ({@code Backprop}, its loops in {@code Kernels}) and the gradient check.
 */
package io.nngeom.net;
