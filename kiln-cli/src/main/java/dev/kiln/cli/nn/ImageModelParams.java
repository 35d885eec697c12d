package dev.kiln.cli.nn;

import dev.kiln.core.Spelling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hyperparameters of {@code kiln train --model mlp|cnn}, parsed and validated from
 * {@code --param K=V} pairs; anything not given takes its default.
 */
record ImageModelParams(String model, boolean normalize, int[] hidden, int[] filters, int[] dense, double dropout, int epochs, int batchSize,
                        double learningRate, String optimizer, double weightDecay, double momentum, String schedule,
                        double validation, int patience, long seed) {

    /** A parameter's name, default and meaning, as {@code kiln models mlp} lists them. */
    record Param(String name, String defaultValue, String meaning) {
    }

    static final List<String> MODELS = List.of("mlp", "cnn");

    static boolean isImageModel(String model) {
        return MODELS.contains(model);
    }

    static String summary(String model) {
        return model.equals("mlp") ? "Multilayer perceptron for images (kiln-nn): flatten, Linear-ReLU layers, softmax"
                : "Convolutional network for images (kiln-nn): [conv3x3-ReLU-maxpool2] blocks, dense layers, softmax";
    }

    static List<Param> params(String model) {
        List<Param> out = new ArrayList<>();
        if (model.equals("mlp")) {
            out.add(new Param("hidden", "256,128", "widths of the hidden layers"));
        } else {
            out.add(new Param("filters", "32,64", "channels of each conv3x3-ReLU-maxpool2 block"));
            out.add(new Param("dense", "128", "widths of the dense layers after the convolutions"));
        }
        out.add(new Param("normalize", "true", "standardise pixels with the training images' per-channel mean and std"));
        out.add(new Param("dropout", "0", "dropout probability after each hidden/dense ReLU, in [0, 1)"));
        out.add(new Param("epochs", "5", "passes over the training images"));
        out.add(new Param("batch_size", "64", "images per optimiser step"));
        out.add(new Param("lr", "0.001", "learning rate"));
        out.add(new Param("optimizer", "adam", "adam, adamw, sgd or rmsprop"));
        out.add(new Param("weight_decay", "0", "L2 penalty (adamw: decoupled decay)"));
        out.add(new Param("momentum", "0.9", "momentum of sgd and rmsprop"));
        out.add(new Param("schedule", "constant", "learning-rate schedule: constant, cosine or onecycle"));
        out.add(new Param("validation", "0", "share of the training images held out to score each epoch"));
        out.add(new Param("patience", "0", "stop after this many epochs without a better validation loss (0: never)"));
        out.add(new Param("seed", "(--seed)", "seeds the initial weights, shuffles and dropout"));
        return out;
    }

    static ImageModelParams parse(String model, Map<String, String> given, long defaultSeed) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = params(model).stream().map(Param::name).toList();
        for (Param p : params(model)) {
            values.put(p.name(), p.defaultValue());
        }
        values.put("seed", Long.toString(defaultSeed));
        given.forEach((k, v) -> {
            String key = k.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (!names.contains(key)) {
                String closest = Spelling.closest(key, names);
                throw new IllegalArgumentException("--param " + k + ": " + model + " has no such parameter"
                        + (closest != null ? " (did you mean '" + closest + "'?)" : "") + "; valid: " + String.join(", ", names));
            }
            values.put(key, v.trim());
        });
        String optimizer = choice(values, "optimizer", "adam", "adamw", "sgd", "rmsprop");
        String schedule = choice(values, "schedule", "constant", "cosine", "onecycle");
        double dropout = number(values, "dropout");
        if (!(dropout >= 0 && dropout < 1)) {
            throw bad("dropout", values, "a probability in [0, 1)");
        }
        double validation = number(values, "validation");
        if (!(validation >= 0 && validation < 1)) {
            throw bad("validation", values, "a fraction in [0, 1)");
        }
        double lr = number(values, "lr");
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw bad("lr", values, "a number > 0");
        }
        double weightDecay = number(values, "weight_decay");
        double momentum = number(values, "momentum");
        if (!(weightDecay >= 0) || !(momentum >= 0 && momentum < 1)) {
            throw bad(!(weightDecay >= 0) ? "weight_decay" : "momentum", values, !(weightDecay >= 0) ? "a number >= 0" : "a number in [0, 1)");
        }
        String normalize = choice(values, "normalize", "true", "false");
        return new ImageModelParams(model, normalize.equals("true"),
                model.equals("mlp") ? widths(values, "hidden") : null,
                model.equals("cnn") ? widths(values, "filters") : null,
                model.equals("cnn") ? widths(values, "dense") : null,
                dropout, positive(values, "epochs"), positive(values, "batch_size"), lr, optimizer, weightDecay, momentum, schedule,
                validation, nonNegative(values, "patience"), longValue(values, "seed"));
    }

    /** The values in force, for the model file's provenance and the printed summary. */
    Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("normalize", Boolean.toString(normalize));
        if (hidden != null) {
            out.put("hidden", join(hidden));
        }
        if (filters != null) {
            out.put("filters", join(filters));
            out.put("dense", join(dense));
        }
        out.put("dropout", Double.toString(dropout));
        out.put("epochs", Integer.toString(epochs));
        out.put("batch_size", Integer.toString(batchSize));
        out.put("lr", Double.toString(learningRate));
        out.put("optimizer", optimizer);
        out.put("weight_decay", Double.toString(weightDecay));
        out.put("momentum", Double.toString(momentum));
        out.put("schedule", schedule);
        out.put("validation", Double.toString(validation));
        out.put("patience", Integer.toString(patience));
        out.put("seed", Long.toString(seed));
        return out;
    }

    private static String join(int[] v) {
        return String.join(",", Arrays.stream(v).mapToObj(Integer::toString).toList());
    }

    private static IllegalArgumentException bad(String name, Map<String, String> values, String expected) {
        return new IllegalArgumentException("--param " + name + ": expected " + expected + ", got '" + values.get(name) + "'");
    }

    private static String choice(Map<String, String> values, String name, String... allowed) {
        String v = values.get(name).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(v)) {
            throw bad(name, values, "one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static double number(Map<String, String> values, String name) {
        try {
            return Double.parseDouble(values.get(name));
        } catch (NumberFormatException e) {
            throw bad(name, values, "a number");
        }
    }

    private static long longValue(Map<String, String> values, String name) {
        try {
            return Long.parseLong(values.get(name));
        } catch (NumberFormatException e) {
            throw bad(name, values, "an integer");
        }
    }

    private static int positive(Map<String, String> values, String name) {
        long v = longValue(values, name);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw bad(name, values, "an integer >= 1");
        }
        return (int) v;
    }

    private static int nonNegative(Map<String, String> values, String name) {
        long v = longValue(values, name);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw bad(name, values, "an integer >= 0");
        }
        return (int) v;
    }

    private static int[] widths(Map<String, String> values, String name) {
        String text = values.get(name);
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
            if (out[i] < 1) {
                throw bad(name, values, "comma-separated integers >= 1 (e.g. 256,128)");
            }
        }
        return out;
    }
}
