package dev.kiln.serve.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks JSON against the component schemas of the server's own OpenAPI description (JSON Schema 2020-12, as OpenAPI 3.1 uses). */
final class ApiSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode document;

    ApiSchemas(JsonNode openApiDocument) {
        this.document = openApiDocument;
    }

    /** The violations of {@code json} against component schema {@code name}, one per line; empty when it conforms. */
    String violations(String name, JsonNode json) {
        if (!document.path("components").path("schemas").has(name)) {
            return "no component schema named " + name;
        }
        ObjectNode root = Http.JSON.createObjectNode();
        root.put("$ref", "#/components/schemas/" + name);
        root.set("components", document.get("components"));
        JsonSchema schema = FACTORY.getSchema(root);
        Set<ValidationMessage> errors = schema.validate(json);
        return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
    }
}
