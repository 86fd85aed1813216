package io.nngeom.convex;

import io.nngeom.linalg.Matrix;
import io.nngeom.solvers.BlockProvider;
import io.nngeom.solvers.MaskedBlocks;
import java.util.BitSet;
import java.util.List;

/**
 * The gated-ReLU relaxation (C-GReLU; Mishkin, Sahiner, Pilanci 2022; digest §3): with fixed gates g_i and
 * patterns D_i = diag(1[X̃ g_i ≥ 0]), the group lasso min ½‖Σ_i D_i X̃ u_i − y‖² + β Σ_i‖u_i‖₂ without cone
 * constraints. It is exactly the training problem of the gated network f(x) = Σ_i 1[g_iᵀx̃ ≥ 0] x̃ᵀu_i with those
 * gates. As in scnn, a bias is a ones column appended to X (penalised inside the group norm) and there is no
 * free output bias.
 */
public final class GatedRelu {
    private GatedRelu() {
    }

    /**
     * The blocks D_i X̃ of the given patterns, with products fused over all patterns ({@link MaskedBlocks}).
     */
    public static BlockProvider blocks(Matrix xAug, List<BitSet> patterns) {
        return MaskedBlocks.of(xAug, patterns);
    }
}
