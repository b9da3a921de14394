package io.argus.peers;

import elki.data.NumberVector;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.ids.DBIDIter;
import elki.database.relation.DoubleRelation;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.EuclideanDistance;
import elki.index.tree.spatial.kd.SmallMemoryKDTree;
import elki.outlier.density.IsolationForest;
import elki.outlier.distance.KNNOutlier;
import elki.outlier.distance.parallel.ParallelKNNOutlier;
import elki.outlier.lof.LOF;
import elki.outlier.lof.parallel.ParallelLOF;
import elki.result.outlier.OutlierResult;
import elki.utilities.random.RandomFactory;
import java.util.List;

/**
 * ELKI 0.8 (Schubert & Zimek, "ELKI: A large open-source library for data analysis", 2019) run the way
 * its documentation recommends for low-dimensional Euclidean data: an in-memory k-d tree index on the
 * database, and the parallel LOF / kNN variants when more than one thread is asked for (ELKI's parallel
 * executor uses every processor; the comparison machine has two).
 *
 * <p>Neighbour counts: in ELKI 0.8, LOF's and KNNOutlier's {@code k} counts neighbours other than the
 * point itself, as scikit-learn's and Argus' do, so the peer passes the same {@code k};
 * {@code ElkiPeerTest} checks that the scores agree with Argus' to rounding on data without ties.
 */
final class Elki {

    private Elki() {
    }

    /** A database over the rows, with a k-d tree index when {@code indexed}. */
    static Relation<NumberVector> relation(double[][] rows, boolean indexed) {
        Database db = indexed
                ? new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows), List.of(new SmallMemoryKDTree.Factory<>()))
                : new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows));
        db.initialize();
        return db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    }

    /** LOF with {@code k} neighbours other than the point. */
    static double[] lof(Relation<NumberVector> rel, int k, int threads) {
        OutlierResult r = threads > 1 ? new ParallelLOF<NumberVector>(EuclideanDistance.STATIC, k).run(rel)
                : new LOF<NumberVector>(k, EuclideanDistance.STATIC).run(rel);
        return scores(rel, r);
    }

    /** Distance to the k-th neighbour other than the point. */
    static double[] knn(Relation<NumberVector> rel, int k, int threads) {
        OutlierResult r = threads > 1 ? new ParallelKNNOutlier<NumberVector>(EuclideanDistance.STATIC, k).run(rel)
                : new KNNOutlier<NumberVector>(EuclideanDistance.STATIC, k).run(rel);
        return scores(rel, r);
    }

    /** Isolation Forest with scikit-learn's defaults: 100 trees of 256 samples. */
    static double[] iforest(Relation<NumberVector> rel, long seed) {
        return scores(rel, new IsolationForest(100, 256, new RandomFactory(seed)).run(rel));
    }

    /** The scores in database order (the order of the input rows). */
    static double[] scores(Relation<NumberVector> rel, OutlierResult r) {
        DoubleRelation s = r.getScores();
        double[] out = new double[rel.size()];
        int i = 0;
        for (DBIDIter it = rel.iterDBIDs(); it.valid(); it.advance()) {
            out[i++] = s.doubleValue(it);
        }
        return out;
    }
}
