package dev.kiln.serve.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Kubernetes objects deploy/k8s/kustomization.yaml lists, parsed, and the ways into the kiln Deployment. */
record Kubernetes(JsonNode kustomization, List<JsonNode> objects) {
    static Kubernetes read() {
        JsonNode kustomization = DeployFiles.yaml(DeployFiles.deploy("k8s/kustomization.yaml"));
        List<JsonNode> objects = new ArrayList<>();
        for (String resource : DeployFiles.strings(kustomization.path("resources"))) {
            objects.addAll(DeployFiles.yamlDocuments(DeployFiles.deploy("k8s").resolve(resource)));
        }
        return new Kubernetes(kustomization, objects);
    }

    /** The objects of {@code kind}. */
    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    /** The one object of {@code kind}. */
    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " objects of kind " + kind + ", expected one");
        }
        return found.get(0);
    }

    boolean has(String kind, String name) {
        return all(kind).stream().anyMatch(o -> o.path("metadata").path("name").asText().equals(name));
    }

    JsonNode podSpec() {
        return one("Deployment").path("spec").path("template").path("spec");
    }

    /** The Deployment's container named kiln. */
    JsonNode container() {
        for (JsonNode c : podSpec().path("containers")) {
            if (c.path("name").asText().equals("kiln")) {
                return c;
            }
        }
        throw new AssertionError("no container named kiln in the Deployment");
    }

    /** The container port {@code port} stands for: a number, or the name of one of the kiln container's ports. */
    int containerPort(JsonNode port) {
        if (port.isInt() || port.asText().matches("[0-9]+")) {
            return port.asInt();
        }
        for (JsonNode p : container().path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + port.asText() + " in the kiln container");
    }

    /** The kiln container's arguments. */
    List<String> args() {
        return DeployFiles.strings(container().path("args"));
    }

    /** The labels a map node holds, sorted by name. */
    static Map<String, String> labels(JsonNode map) {
        Map<String, String> out = new TreeMap<>();
        map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
