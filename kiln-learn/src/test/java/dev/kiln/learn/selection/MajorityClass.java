package dev.kiln.learn.selection;

import dev.kiln.core.frame.Column;
import dev.kiln.core.frame.Frame;
import dev.kiln.core.frame.Schema;
import dev.kiln.core.model.ClassificationModel;
import dev.kiln.core.model.ClassificationPrediction;
import dev.kiln.learn.data.ClassTarget;
import java.util.List;

/** A test classifier: always the most frequent training class (the first on ties), with the training frequencies as probabilities. */
record MajorityClass(Schema inputSchema, List<String> classes, double[] frequencies) implements ClassificationModel {

    static ClassificationModel fit(Frame x, Column y) {
        ClassTarget t = ClassTarget.of(y, x.rowCount(), "majority");
        int[] counts = t.counts();
        double[] freq = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            freq[k] = (double) counts[k] / x.rowCount();
        }
        return new MajorityClass(x.schema(), t.classes(), freq);
    }

    @Override
    public ClassificationPrediction predict(Frame features) {
        double[][] p = new double[features.rowCount()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = frequencies.clone();
        }
        return ClassificationPrediction.fromProbabilities(classes, p);
    }
}
