package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoginTest {
  @TempDir Path dir;

  @Test
  void namesEntriesAsOcLoginDoes() throws Exception {
    Path file = dir.resolve(".kube/config");

    LoginResult result =
        KubeconfigLogin.login(
            "https://api.crc.testing:6443", "sha256~abc", "myproject", "developer", file, false);

    assertThat(result.cluster()).isEqualTo("api-crc-testing:6443");
    assertThat(result.user()).isEqualTo("developer/api-crc-testing:6443");
    assertThat(result.context()).isEqualTo("myproject/api-crc-testing:6443/developer");
    KubeconfigView view = Kubeconfigs.load(List.of(file));
    assertThat(view.current()).isEqualTo(result.context());
    ClusterContext ctx = view.currentContext().orElseThrow();
    assertThat(ctx.server()).isEqualTo("https://api.crc.testing:6443");
    assertThat(ctx.namespace()).isEqualTo("myproject");
    assertThat(ctx.problem()).isNull();
    assertThat(ClusterClients.config(ctx).getAutoOAuthToken()).isEqualTo("sha256~abc");
    assertThat(ClusterClients.config(ctx).isTrustCerts()).isFalse();
  }

  @Test
  void withoutUsernameOrNamespaceItUsesUserAndDefault() throws Exception {
    Path file = dir.resolve("config");
    LoginResult result = KubeconfigLogin.login("api.x.io:6443", "t", null, file, true);

    assertThat(result.context()).isEqualTo("default/api-x-io:6443/user");
    assertThat(result.user()).isEqualTo("user/api-x-io:6443");
    assertThat(Files.readString(file)).contains("insecure-skip-tls-verify: true");
  }

  @Test
  void keepsOtherEntriesAndReplacesTheTokenOnRelogin() throws Exception {
    Path file =
        KubeconfigFixtures.single(dir.resolve("config"), "https://other:6443", "other-token");

    KubeconfigLogin.login("https://api.x:6443", "first", "ns", "dev", file, true);
    LoginResult again =
        KubeconfigLogin.login("https://api.x:6443", "second", "ns", "dev", file, false);

    String yaml = Files.readString(file);
    assertThat(yaml).contains("other-token").contains("second").doesNotContain("first");
    assertThat(yaml).doesNotContain("insecure-skip-tls-verify");
    KubeconfigView view = Kubeconfigs.load(List.of(file));
    assertThat(view.contexts())
        .extracting(ClusterContext::name)
        .containsExactly("ctx", again.context());
    assertThat(view.current()).isEqualTo(again.context());
    assertThat(view.warnings()).isEmpty();
  }

  @Test
  void theFileIsOwnerOnly() throws Exception {
    Path file = dir.resolve("config");
    KubeconfigLogin.login("https://api.x:6443", "t", null, file, false);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temp file left behind
    }
  }

  @Test
  void aBrokenKubeconfigIsLeftAloneNotReplaced() throws Exception {
    Path file = KubeconfigFixtures.write(dir.resolve("config"), "clusters: [ {name: x\n : :\n");
    assertThatThrownBy(() -> KubeconfigLogin.login("https://api.x:6443", "t", null, file, false))
        .hasMessageContaining("is not a readable kubeconfig");
    assertThat(Files.readString(file)).startsWith("clusters: [ {name: x");
  }
}
