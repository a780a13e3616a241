package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigsTest {
  @TempDir Path dir;

  @Nested
  class WhichFiles {
    @Test
    void withoutKubeconfigItIsTheHomeConfig() {
      assertThat(KubeconfigFiles.resolve(Map.of(), dir))
          .containsExactly(dir.resolve(".kube/config"));
    }

    @Test
    void kubeconfigIsSplitOnThePathSeparatorSkippingEmptyEntries() {
      String value = "a" + File.pathSeparator + File.pathSeparator + "b" + File.pathSeparator;
      assertThat(KubeconfigFiles.resolve(Map.of("KUBECONFIG", value), dir))
          .containsExactly(Path.of("a"), Path.of("b"));
    }

    @Test
    void anEmptyKubeconfigFallsBackToTheHomeConfig() {
      assertThat(KubeconfigFiles.resolve(Map.of("KUBECONFIG", File.pathSeparator), dir))
          .containsExactly(dir.resolve(".kube/config"));
    }
  }

  @Test
  void readsAContextWithItsClusterUserAndNamespace() throws Exception {
    KubeconfigFixtures.single(dir.resolve(".kube/config"), "https://api.x:6443", "t");

    KubeconfigView view = Kubeconfigs.load(Map.of(), dir);

    assertThat(view.current()).isEqualTo("ctx");
    assertThat(view.warnings()).isEmpty();
    assertThat(view.contexts())
        .containsExactly(
            new ClusterContext(
                "ctx",
                "c",
                "https://api.x:6443",
                "dev",
                "u",
                dir.resolve(".kube/config"),
                dir.resolve(".kube/config"),
                dir.resolve(".kube/config"),
                true,
                null));
  }

  @Test
  @DisplayName(
      "the first file that defines a name wins; current-context from the first that sets it")
  void firstFileWins() throws Exception {
    Path first =
        KubeconfigFixtures.write(
            dir.resolve("first"),
            """
            clusters:
            - name: c
              cluster: {server: https://first:6443}
            contexts:
            - name: a
              context: {cluster: c}
            """);
    Path second =
        KubeconfigFixtures.write(
            dir.resolve("second"),
            """
            clusters:
            - name: c
              cluster: {server: https://second:6443}
            contexts:
            - name: a
              context: {cluster: nowhere}
            - name: b
              context: {cluster: c, namespace: team}
            current-context: b
            """);
    Path third = KubeconfigFixtures.write(dir.resolve("third"), "current-context: a\n");
    String kubeconfig =
        String.join(File.pathSeparator, first.toString(), second.toString(), third.toString());

    KubeconfigView view = Kubeconfigs.load(Map.of("KUBECONFIG", kubeconfig), dir);

    assertThat(view.current()).isEqualTo("b");
    assertThat(view.contexts()).extracting(ClusterContext::name).containsExactly("a", "b");
    ClusterContext a = view.context("a").orElseThrow();
    assertThat(a.server()).isEqualTo("https://first:6443");
    assertThat(a.sourceFile()).isEqualTo(first);
    assertThat(a.namespace()).isEqualTo("default");
    assertThat(a.isCurrent()).isFalse();
    ClusterContext b = view.context("b").orElseThrow();
    assertThat(b.server()).isEqualTo("https://first:6443");
    assertThat(b.namespace()).isEqualTo("team");
    assertThat(b.isCurrent()).isTrue();
    assertThat(view.currentContext()).contains(b);
  }

  @Test
  @DisplayName("a broken file or entry is a warning or a problem, never hides the others")
  void brokenFilesAndEntriesDoNotHideTheOthers() throws Exception {
    Path broken = KubeconfigFixtures.write(dir.resolve("broken"), "clusters: [ {name: x\n  : :\n");
    Path good =
        KubeconfigFixtures.write(
            dir.resolve("good"),
            """
            clusters:
            - name: c
              cluster: {server: https://api:6443}
            - cluster: {server: https://nameless:6443}
            contexts:
            - name: ok
              context: {cluster: c}
            - name: lost-cluster
              context: {cluster: gone, user: u}
            - name: lost-user
              context: {cluster: c, user: ghost}
            current-context: missing
            """);
    Path absent = dir.resolve("absent");
    String kubeconfig =
        String.join(File.pathSeparator, broken.toString(), absent.toString(), good.toString());

    KubeconfigView view = Kubeconfigs.load(Map.of("KUBECONFIG", kubeconfig), dir);

    assertThat(view.contexts())
        .extracting(ClusterContext::name)
        .containsExactly("ok", "lost-cluster", "lost-user");
    assertThat(view.context("ok").orElseThrow().problem()).isNull();
    assertThat(view.context("lost-cluster").orElseThrow().problem())
        .isEqualTo("cluster \"gone\" is not defined in any kubeconfig file");
    assertThat(view.context("lost-user").orElseThrow().problem())
        .isEqualTo("user \"ghost\" is not defined in any kubeconfig file");
    assertThat(view.warnings())
        .hasSize(4)
        .anySatisfy(w -> assertThat(w).startsWith(broken + ", line 2: not valid YAML ("))
        .anySatisfy(w -> assertThat(w).isEqualTo(absent + ": no such file (named in KUBECONFIG)"))
        .anySatisfy(w -> assertThat(w).contains("has no name"))
        .anySatisfy(w -> assertThat(w).contains("current-context \"missing\""));
  }

  @Test
  void noFilesMeansNoContextsAndNoWarnings() {
    KubeconfigView view = Kubeconfigs.load(Map.of(), dir);
    assertThat(view.contexts()).isEmpty();
    assertThat(view.current()).isNull();
    assertThat(view.warnings()).isEmpty();
  }

  @Test
  void theSandboxContextIsRecognisedByName() throws Exception {
    KubeconfigFixtures.write(
        dir.resolve(".kube/config"),
        """
        clusters:
        - name: deckhand-sandbox
          cluster: {server: http://127.0.0.1:1234}
        contexts:
        - name: deckhand-sandbox
          context: {cluster: deckhand-sandbox}
        """);
    assertThat(
            Kubeconfigs.load(Map.of(), dir).context("deckhand-sandbox").orElseThrow().isSandbox())
        .isTrue();
  }
}
