package dev.kiln.learn.cluster;

import dev.kiln.core.frame.Schema;
import dev.kiln.core.modelfile.ModelCodec;
import dev.kiln.core.modelfile.ModelReader;
import dev.kiln.core.modelfile.ModelWriter;
import java.util.List;

/**
 * How clustering models are saved: hyperparameters and fit statistics in the manifest; centres,
 * training labels and other arrays as tensors. A hierarchical model keeps its linkage matrix and
 * training rows, and cuts the tree again on loading (the cut is deterministic).
 */
public final class ClusterModelCodecs {
    private ClusterModelCodecs() {
    }

    /** The codecs of this package's models. */
    public static List<ModelCodec<?>> all() {
        return List.of(new KMeansCodec(), new MiniBatchCodec(), new DbscanCodec(), new HierarchicalCodec());
    }

    static final class KMeansCodec implements ModelCodec<KMeansModel> {
        @Override
        public String typeId() {
            return KMeans.WHO;
        }

        @Override
        public Class<KMeansModel> type() {
            return KMeansModel.class;
        }

        @Override
        public void write(KMeansModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("inertia", m.inertia());
            out.put("iterations", m.iterations());
            out.tensor("centres", m.centres());
            int[] labels = m.labels();
            out.tensor("labels", labels, labels.length);
        }

        @Override
        public KMeansModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            KMeans.Params params = in.hyperparameters(KMeans.Params.class);
            return new KMeansModel(params, schema, in.doubles("centres", params.nClusters(), schema.size()),
                    in.ints("labels", in.shape("labels")[0]), in.get("inertia", Double.class),
                    in.get("iterations", Integer.class));
        }
    }

    static final class MiniBatchCodec implements ModelCodec<MiniBatchKMeansModel> {
        @Override
        public String typeId() {
            return MiniBatchKMeans.WHO;
        }

        @Override
        public Class<MiniBatchKMeansModel> type() {
            return MiniBatchKMeansModel.class;
        }

        @Override
        public void write(MiniBatchKMeansModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.put("inertia", m.inertia());
            out.put("steps", m.steps());
            out.put("iterations", m.iterations());
            out.put("has_labels", m.hasLabels());
            out.tensor("centres", m.centres());
            out.tensor("counts", m.counts(), m.nClusters());
            if (m.hasLabels()) {
                int[] labels = m.labels();
                out.tensor("labels", labels, labels.length);
            }
        }

        @Override
        public MiniBatchKMeansModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            MiniBatchKMeans.Params params = in.hyperparameters(MiniBatchKMeans.Params.class);
            int k = params.nClusters();
            int[] labels = in.get("has_labels", Boolean.class) ? in.ints("labels", in.shape("labels")[0]) : null;
            return new MiniBatchKMeansModel(params, schema, in.doubles("centres", k, schema.size()),
                    in.doubles("counts", k), labels, in.get("inertia", Double.class), in.get("steps", Integer.class),
                    in.get("iterations", Integer.class));
        }
    }

    static final class DbscanCodec implements ModelCodec<DbscanModel> {
        @Override
        public String typeId() {
            return Dbscan.WHO;
        }

        @Override
        public Class<DbscanModel> type() {
            return DbscanModel.class;
        }

        @Override
        public void write(DbscanModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            int[] labels = m.labels();
            int[] cores = m.coreSampleIndices();
            out.tensor("labels", labels, labels.length);
            out.tensor("core_sample_indices", cores, cores.length);
            out.tensor("components", m.components().toRowMajorArray(), cores.length, m.inputSchema().size());
        }

        @Override
        public DbscanModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            long cores = in.shape("core_sample_indices")[0];
            return new DbscanModel(in.hyperparameters(Dbscan.Params.class), schema,
                    in.ints("labels", in.shape("labels")[0]), in.ints("core_sample_indices", cores),
                    in.doubles("components", cores, schema.size()));
        }
    }

    static final class HierarchicalCodec implements ModelCodec<HierarchicalModel> {
        @Override
        public String typeId() {
            return AgglomerativeClustering.WHO;
        }

        @Override
        public Class<HierarchicalModel> type() {
            return HierarchicalModel.class;
        }

        @Override
        public void write(HierarchicalModel m, ModelWriter out) {
            out.hyperparameters(m.params());
            out.tensor("linkage", m.dendrogram().linkage());
            out.tensor("points", m.trainingPoints());
        }

        @Override
        public HierarchicalModel read(ModelReader in) {
            Schema schema = in.inputSchema();
            long rows = in.shape("points")[0];
            try {
                return new HierarchicalModel(in.hyperparameters(AgglomerativeClustering.Params.class), schema,
                        in.doubles("points", rows, schema.size()),
                        Dendrogram.fromLinkage((int) rows, in.doubles("linkage", rows - 1, 4)));
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
    }
}
