package dev.deckhand.core.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Several kubeconfig files merged as kubectl merges them: for clusters, users and contexts the
 * first file that defines a name wins, and {@code current-context} comes from the first file that
 * sets one. Each entry remembers its file, because relative paths and token re-reads need it.
 */
final class MergedKubeconfig {
  /** One named entry (its whole {@code - name: …} item) and the file it came from. */
  record Entry(String name, ObjectNode item, Path file) {
    /** The {@code cluster:}, {@code user:} or {@code context:} body. */
    JsonNode body(String key) {
      return item.get(key);
    }
  }

  final Map<String, Entry> clusters = new LinkedHashMap<>();
  final Map<String, Entry> users = new LinkedHashMap<>();
  final Map<String, Entry> contexts = new LinkedHashMap<>();
  final List<String> warnings = new ArrayList<>();
  String currentContext;

  private MergedKubeconfig() {}

  static MergedKubeconfig read(List<Path> files) {
    MergedKubeconfig merged = new MergedKubeconfig();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue; // kubectl skips missing files in $KUBECONFIG silently
      }
      ObjectNode root;
      try {
        root = KubeconfigYaml.read(file);
      } catch (IOException | RuntimeException e) {
        merged.warnings.add(problem(file, e) + "; skipped");
        continue;
      }
      merged.add(file, root);
    }
    return merged;
  }

  private void add(Path file, ObjectNode root) {
    if (currentContext == null) {
      currentContext = KubeconfigYaml.text(root, "current-context");
    }
    addAll(file, root, "clusters", clusters);
    addAll(file, root, "users", users);
    addAll(file, root, "contexts", contexts);
  }

  private void addAll(Path file, ObjectNode root, String key, Map<String, Entry> into) {
    for (JsonNode item : KubeconfigYaml.list(root, key)) {
      String name = KubeconfigYaml.text(item, "name");
      if (!(item instanceof ObjectNode object) || name == null) {
        warnings.add(file + ": an entry under " + key + " has no name; skipped");
        continue;
      }
      into.putIfAbsent(name, new Entry(name, object, file));
    }
  }

  /** The file, the line when the parser knows it, and the reason in a person's words. */
  static String problem(Path file, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // SnakeYAML knows where the problem is, which can be lines after where its context began
      if (t instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        return file
            + ", line "
            + (yaml.getProblemMark().getLine() + 1)
            + ": not valid YAML ("
            + firstLine(yaml.getProblem())
            + ")";
      }
    }
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      String where = at != null && at.getLineNr() > 0 ? ", line " + at.getLineNr() : "";
      return file + where + ": not valid YAML (" + firstLine(json.getOriginalMessage()) + ")";
    }
    if (e instanceof CharacterCodingException) {
      return file + ": not a kubeconfig (not UTF-8 text)";
    }
    return file + ": cannot read kubeconfig (" + firstLine(e.getMessage()) + ")";
  }

  private static String firstLine(String m) {
    if (m == null || m.isBlank()) {
      return "unreadable";
    }
    String first = m.strip().lines().findFirst().orElse(m);
    // SnakeYAML's wording ends with a position we already give as the line
    return first.replaceAll("\\s*in 'reader', line \\d+, column \\d+:?$", "").strip();
  }
}
