package io.nngeom.solvers;

class BlockCoordinateGroupLassoTest extends GroupLassoSolverContract {
    @Override
    GroupLassoSolver solver() {
        return new BlockCoordinateGroupLasso();
    }
}
