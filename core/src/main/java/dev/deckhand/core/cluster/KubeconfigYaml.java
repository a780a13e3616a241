package dev.deckhand.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kubeconfig files as plain YAML trees rather than fabric8's model: a tree keeps fields we do not
 * know (extensions, exec plugins) when we rewrite a file, and one malformed entry spoils only that
 * entry instead of the whole file.
 */
final class KubeconfigYaml {
  static final ObjectMapper MAPPER =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private KubeconfigYaml() {}

  /** An empty file reads as an empty kubeconfig, as kubectl treats it. */
  static ObjectNode read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode node = MAPPER.readTree(text);
    if (node == null || node.isMissingNode() || node.isNull()) {
      return MAPPER.createObjectNode();
    }
    if (!node.isObject()) {
      throw new IOException("not a kubeconfig (top level is not a mapping)");
    }
    return (ObjectNode) node;
  }

  static String write(ObjectNode root) throws IOException {
    return MAPPER.writeValueAsString(root);
  }

  /** The list under {@code key}; an absent or malformed value is an empty list. */
  static ArrayNode list(ObjectNode root, String key) {
    JsonNode n = root.get(key);
    return n instanceof ArrayNode a ? a : MAPPER.createArrayNode();
  }

  /** A text field, {@code null} when absent, empty or not text. */
  static String text(JsonNode node, String field) {
    JsonNode n = node == null ? null : node.get(field);
    return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
  }
}
