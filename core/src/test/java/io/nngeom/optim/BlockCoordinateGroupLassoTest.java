package io.nngeom.optim;

class BlockCoordinateGroupLassoTest extends GroupLassoSolverContract {
    @Override
    GroupLassoSolver solver() {
        return new BlockCoordinateGroupLasso();
    }
}
