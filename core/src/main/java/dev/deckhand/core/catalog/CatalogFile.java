package dev.deckhand.core.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.PortSpec;
import dev.deckhand.core.config.YamlDiagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a component-types YAML document, the format of both the built-in catalog and the user's
 * {@code component-types.yaml}:
 *
 * <pre>
 * types:
 *   - name: nodejs
 *     imageStream: openshift/nodejs:latest      # [namespace/]name[:tag]
 *     kubernetesImage: registry.access.redhat.com/ubi8/nodejs-16:latest
 *     sandboxImage: localhost/deckhand/nodejs-builder:latest   # optional
 *     s2i:
 *       scriptsUrl: image:///usr/libexec/s2i
 *       destination: /tmp                       # optional, default /tmp
 *       deploymentsDir: /deployments            # optional
 *       workingDir: /opt/app-root/src
 *       builderImageName: ubi8/nodejs-16
 *     ports: [8080/TCP]
 *     detect: [package.json]
 * </pre>
 */
final class CatalogFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private CatalogFile() {}

  static final class Document {
    @JsonProperty("types")
    public List<Entry> types;
  }

  static final class Entry {
    @JsonProperty("name")
    public String name;

    @JsonProperty("imageStream")
    public String imageStream;

    @JsonProperty("kubernetesImage")
    public String kubernetesImage;

    @JsonProperty("sandboxImage")
    public String sandboxImage;

    @JsonProperty("s2i")
    public S2i s2i;

    @JsonProperty("ports")
    public List<String> ports;

    @JsonProperty("detect")
    public List<String> detect;
  }

  static final class S2i {
    @JsonProperty("scriptsUrl")
    public String scriptsUrl;

    @JsonProperty("destination")
    public String destination;

    @JsonProperty("deploymentsDir")
    public String deploymentsDir;

    @JsonProperty("workingDir")
    public String workingDir;

    @JsonProperty("builderImageName")
    public String builderImageName;
  }

  /** Parses a document; {@code file} only names it in messages. An empty document has no types. */
  static List<ComponentType> parse(Path file, String text) throws ConfigException {
    Document doc;
    try {
      doc = YAML.readValue(text, Document.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(
          file, YamlDiagnostics.errorLine(e), YamlDiagnostics.fieldPath(e), problem(e), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file,
          YamlDiagnostics.errorLine(e),
          null,
          "not valid YAML: " + YamlDiagnostics.syntaxProblem(e),
          e);
    }
    if (doc == null || doc.types == null) {
      return List.of();
    }
    YamlDiagnostics lines = YamlDiagnostics.of(text);
    List<ComponentType> types = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < doc.types.size(); i++) {
      String base = "types[" + i + "]";
      Entry e = doc.types.get(i);
      if (e == null) {
        throw error(file, lines, base, "is empty");
      }
      if (e.name == null || !e.name.matches("[a-zA-Z0-9][-a-zA-Z0-9._]*")) {
        throw error(file, lines, base + ".name", "is missing or not a valid type name");
      }
      if (!names.add(e.name)) {
        throw error(file, lines, base + ".name", "'" + e.name + "' is defined twice");
      }
      ImageStreamRef is;
      try {
        is = ImageStreamRef.parse(e.imageStream == null ? e.name : e.imageStream);
      } catch (IllegalArgumentException ex) {
        throw error(file, lines, base + ".imageStream", ex.getMessage());
      }
      if (e.kubernetesImage == null || e.kubernetesImage.isBlank()) {
        throw error(file, lines, base + ".kubernetesImage", "is missing");
      }
      if (e.s2i == null) {
        throw error(file, lines, base + ".s2i", "is missing");
      }
      S2iLabels labels =
          new S2iLabels(
              e.s2i.scriptsUrl,
              e.s2i.destination,
              e.s2i.deploymentsDir,
              e.s2i.workingDir,
              e.s2i.builderImageName);
      try {
        labels.scriptsProtocol();
      } catch (IllegalArgumentException ex) {
        throw error(file, lines, base + ".s2i.scriptsUrl", ex.getMessage());
      }
      List<String> ports = e.ports == null ? List.of() : e.ports;
      for (int p = 0; p < ports.size(); p++) {
        try {
          if (ports.get(p) == null) {
            throw new IllegalArgumentException("is empty");
          }
          PortSpec.parse(ports.get(p));
        } catch (IllegalArgumentException ex) {
          throw error(file, lines, base + ".ports[" + p + "]", ex.getMessage());
        }
      }
      types.add(
          new ComponentType(
              e.name, is, e.kubernetesImage, e.sandboxImage, labels, ports, e.detect));
    }
    return types;
  }

  private static ConfigException error(
      Path file, YamlDiagnostics lines, String field, String problem) {
    return new ConfigException(file, lines.lineOf(field), field, problem);
  }

  private static String problem(JsonMappingException e) {
    String msg = e.getOriginalMessage();
    if (msg != null && msg.startsWith("Unrecognized field")) {
      return "unknown field (expected one of name, imageStream, kubernetesImage, sandboxImage, s2i,"
          + " ports, detect; s2i has scriptsUrl, destination, deploymentsDir, workingDir,"
          + " builderImageName)";
    }
    return YamlDiagnostics.problemOf(e);
  }
}
