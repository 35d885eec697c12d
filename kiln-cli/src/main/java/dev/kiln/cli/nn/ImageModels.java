package dev.kiln.cli.nn;

import dev.kiln.cli.output.JsonOutput;
import dev.kiln.cli.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code kiln models} says about the image classifiers mlp and cnn. */
public final class ImageModels {
    private ImageModels() {
    }

    public static boolean isImageModel(String name) {
        return ImageModelParams.isImageModel(name);
    }

    public static void rows(Table t) {
        for (String m : ImageModelParams.MODELS) {
            t.row(m, "image classification", ImageModelParams.summary(m));
        }
    }

    public static List<Map<String, Object>> jsonEntries() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String m : ImageModelParams.MODELS) {
            out.add(entry(m));
        }
        return out;
    }

    private static Map<String, Object> entry(String m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", m);
        e.put("summary", ImageModelParams.summary(m));
        e.put("tasks", List.of("image classification"));
        e.put("params", ImageModelParams.params(m).stream()
                .map(p -> Map.of("name", p.name(), "default", p.defaultValue(), "description", p.meaning())).toList());
        return e;
    }

    public static void describe(String m, boolean json, PrintWriter w) {
        if (json) {
            JsonOutput.print(w, Map.of("models", List.of(entry(m))));
            return;
        }
        w.println(m + ": " + ImageModelParams.summary(m) + " (image classification)");
        Table t = Table.withHeader("parameter", "default", "meaning");
        for (ImageModelParams.Param p : ImageModelParams.params(m)) {
            t.row(p.name(), p.defaultValue(), p.meaning());
        }
        w.print(t);
    }
}
