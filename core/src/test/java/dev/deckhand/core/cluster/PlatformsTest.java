package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.catalog.Platform;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(https = false)
class PlatformsTest {
  KubernetesMockServer server;
  KubernetesClient client;

  private void serveGroups(String... names) {
    APIGroupListBuilder list = new APIGroupListBuilder();
    for (String name : names) {
      list.addToGroups(new APIGroupBuilder().withName(name).build());
    }
    server.expect().get().withPath("/apis").andReturn(200, list.build()).always();
  }

  @Test
  void openShiftWhenDiscoveryServesAppsOpenShiftIo() {
    serveGroups("apps", "apps.openshift.io", "route.openshift.io");
    assertThat(Platforms.detect(client)).isEqualTo(Platform.OPENSHIFT);
  }

  @Test
  void kubernetesOtherwise() {
    serveGroups("apps", "networking.k8s.io", "route.openshift.io");
    assertThat(Platforms.detect(client)).isEqualTo(Platform.KUBERNETES);
  }

  @Test
  void theSandboxContextIsTheSandboxEvenWhenItServesOpenShiftApis() {
    serveGroups("apps.openshift.io");
    Config config = new Config(client.getConfiguration());
    config.setCurrentContext(
        new NamedContextBuilder()
            .withName(ClusterContext.SANDBOX_CONTEXT)
            .withNewContext()
            .endContext()
            .build());
    try (KubernetesClient sandbox = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(Platforms.detect(sandbox)).isEqualTo(Platform.SANDBOX);
    }
  }
}
