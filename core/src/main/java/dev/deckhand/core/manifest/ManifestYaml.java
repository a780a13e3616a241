package dev.deckhand.core.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Writes manifests as multi-document YAML, the output of {@code deckhand manifests}. */
public final class ManifestYaml {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .build())
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private ManifestYaml() {}

  /** All objects in apply order, separated by {@code ---} lines. */
  public static String toYaml(ComponentManifests manifests) {
    return toYaml(manifests.all());
  }

  /** The objects in the given order, separated by {@code ---} lines. */
  public static String toYaml(List<? extends HasMetadata> objects) {
    StringBuilder sb = new StringBuilder();
    for (HasMetadata o : objects) {
      sb.append("---\n");
      try {
        sb.append(YAML.writeValueAsString(o));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "cannot write " + o.getKind() + " " + o.getMetadata().getName() + " as YAML", e);
      }
    }
    return sb.toString();
  }
}
