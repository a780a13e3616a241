package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.FileIndex;
import dev.deckhand.core.index.FileIndexCodec;
import dev.deckhand.core.index.IndexEntry;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An index written by odo lists ignored paths too. When such a path is gone locally, the
 * container's copy (what assemble built there) must stay: odo never deletes ignored paths remotely.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IgnoredPathsOnSandboxTest {
  private static final String NAME = "ignored-app";
  private Sandbox sandbox;
  private KubernetesClient client;
  private Path folder;

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available())
        .as("podman is needed for the push end-to-end tests (CI installs it)")
        .isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-ignored-e2e"))
                .withPvcBindDelay(Duration.ofMillis(700)));
    client = sandbox.newClient();
    folder = SampleApp.create("ignored", null);
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      client.close();
      sandbox.close(true);
    }
  }

  private PushResult push() throws InterruptedException {
    return new PushSession(folder, client, Platform.SANDBOX, PushOptions.defaults(), e -> {}).run();
  }

  @Test
  void aRemovedIgnoredFolderListedInOdosIndexIsNotDeletedInTheContainer() throws Exception {
    Files.writeString(folder.resolve(".gitignore"), "node_modules/\n");
    PushResult first = push();
    assertThat(first.success()).as(first.summary()).isTrue();
    // What assemble (npm install) leaves in the container's copies of the source.
    sh(
        "for d in /tmp/src /opt/app-root/src; do mkdir -p $d/node_modules/express"
            + " && echo built > $d/node_modules/express/index.js; done");
    // odo's index lists the ignored files it walked; here they are gone locally.
    Path indexFile = ComponentIndexer.indexFile(folder);
    FileIndexCodec codec = new FileIndexCodec();
    FileIndex.Builder odoIndex = FileIndex.builder();
    for (Map.Entry<String, IndexEntry> e :
        codec.decode(Files.readAllBytes(indexFile)).entries().entrySet()) {
      odoIndex.put(e.getKey(), e.getValue());
    }
    IndexEntry some = new IndexEntry(6, java.time.Instant.parse("2020-01-22T06:22:18Z"));
    odoIndex.put("node_modules", some).put("node_modules/express", some);
    odoIndex.put("node_modules/express/index.js", some);
    Files.write(indexFile, codec.encode(odoIndex.build()));
    Files.writeString(
        folder.resolve("server.js"), Files.readString(folder.resolve("server.js")) + "\n");

    PushResult second = push();

    assertThat(second.success()).as(second.summary()).isTrue();
    assertThat(
            sh(
                "cat /tmp/src/node_modules/express/index.js"
                    + " /opt/app-root/src/node_modules/express/index.js"))
        .isEqualTo("built\nbuilt\n");
  }

  private String sh(String script) throws Exception {
    Pod pod =
        client.pods().list().getItems().stream()
            .filter(p -> p.getMetadata().getName().startsWith(NAME))
            .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
            .findFirst()
            .orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var w =
        client
            .pods()
            .withName(pod.getMetadata().getName())
            .inContainer(NAME)
            .writingOutput(out)
            .exec("sh", "-c", script)) {
      w.exitCode().get(30, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
