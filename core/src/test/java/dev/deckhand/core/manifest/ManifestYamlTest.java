package dev.deckhand.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestYamlTest {
  final ComponentManifests m =
      new ManifestBuilder(
              JavaOnOpenShiftTest.settings(),
              ComponentCatalog.builtIn().resolve("java:11"),
              Platform.OPENSHIFT)
          .workloadKind(WorkloadKind.DEPLOYMENT_CONFIG)
          .initImage("quay.io/me/odo-init:dev")
          .build();

  @Test
  void oneDocumentPerObjectInApplyOrder() throws Exception {
    String yaml = ManifestYaml.toYaml(m);
    assertThat(yaml).startsWith("---\napiVersion: image.openshift.io/v1\nkind: ImageStream\n");
    List<JsonNode> docs =
        new YAMLMapper().readValues(new YAMLFactory().createParser(yaml), JsonNode.class).readAll();
    assertThat(docs).hasSize(m.all().size());
    assertThat(docs)
        .extracting(d -> d.get("kind").asText() + "/" + d.get("metadata").get("name").asText())
        .containsExactlyElementsOf(ManifestAssertions.names(m.all().stream()));
  }

  @Test
  void roundTripsToTheSameObjects() throws Exception {
    String yaml = ManifestYaml.toYaml(m);
    List<JsonNode> docs =
        new YAMLMapper().readValues(new YAMLFactory().createParser(yaml), JsonNode.class).readAll();
    ObjectMapper json = JsonMapper.builder().build();
    for (int i = 0; i < docs.size(); i++) {
      assertThat(docs.get(i)).isEqualTo(json.valueToTree(m.all().get(i)));
    }
    JsonNode dc = docs.get(1);
    assertThat(dc.at("/spec/template/spec/containers/0/image").asText()).isEqualTo(" ");
    assertThat(
            dc.at(
                    "/spec/template/metadata/annotations/alpha.image.policy.openshift.io~1resolve-names")
                .asText())
        .isEqualTo("*");
    assertThat(dc.at("/spec/template/spec/containers/0/env/0/value").asText()).isEqualTo("5005");
  }

  @Test
  void stableOutput() {
    assertThat(ManifestYaml.toYaml(m)).isEqualTo(ManifestYaml.toYaml(m));
    assertThat(ManifestYaml.toYaml(m))
        .contains("\nkind: DeploymentConfig\nmetadata:\n  annotations:");
  }
}
