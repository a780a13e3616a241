package dev.deckhand.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigMergeTest {
  @TempDir Path dir;

  private static final String USER =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: prod
        cluster:
          server: https://prod.example.com:6443
      users:
      - name: me
        user:
          token: secret-token
      contexts:
      - name: prod
        context:
          cluster: prod
          user: me
          namespace: shop
      current-context: prod
      """;

  private static io.fabric8.kubernetes.api.model.Config model(String yaml) {
    return io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
        yaml, io.fabric8.kubernetes.api.model.Config.class);
  }

  @Test
  void addsTheSandboxAndKeepsTheUsersEntriesAndCurrentContext() throws Exception {
    LocalProcessBackend backend = new LocalProcessBackend();
    try (SandboxApiServer server =
        SandboxApiServer.start(0, Flavour.KUBERNETES, backend, backend)) {
      Path sandbox = server.writeKubeconfig(dir.resolve("sandbox-kubeconfig"));
      Path user = dir.resolve("config");
      Files.writeString(user, USER);

      KubeconfigMerge.merge(sandbox, user, false);
      KubeconfigMerge.merge(sandbox, user, false); // twice: no duplicates

      String merged = Files.readString(user);
      Config prod = Config.fromKubeconfig("prod", merged, user.toString());
      Config sb = Config.fromKubeconfig("deckhand-sandbox", merged, user.toString());
      assertThat(prod.getMasterUrl()).startsWith("https://prod.example.com:6443");
      assertThat(prod.getNamespace()).isEqualTo("shop");
      assertThat(sb.getMasterUrl()).startsWith(server.url());
      io.fabric8.kubernetes.api.model.Config model = model(merged);
      assertThat(model.getCurrentContext()).isEqualTo("prod");
      assertThat(model.getContexts())
          .extracting("name")
          .containsExactly("prod", "deckhand-sandbox");
      assertThat(model.getClusters())
          .extracting("name")
          .containsExactly("prod", "deckhand-sandbox");
      assertThat(model.getUsers()).extracting("name").containsExactly("me", "deckhand-sandbox");

      KubeconfigMerge.merge(sandbox, user, true);
      assertThat(model(Files.readString(user)).getCurrentContext()).isEqualTo("deckhand-sandbox");
    }
  }
}
