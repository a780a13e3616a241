package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An image that does not exist ends the push with the kubelet's pull error as soon as it is
 * reported, not "did not finish" after the start timeout (4 minutes by default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissingImageOnSandboxTest {
  private static final String MISSING = "localhost/deckhand-test/no-such-init:1";

  private Sandbox sandbox;
  private KubernetesClient client;

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available())
        .as("podman is needed for the push end-to-end tests (CI installs it)")
        .isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-missing-image"))
                .withPvcBindDelay(Duration.ofMillis(300)));
    client = sandbox.newClient();
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      client.close();
      sandbox.close(true);
    }
  }

  @Test
  void missingInitImageFailsThePushWithThePullErrorWithinSeconds() throws Exception {
    Path folder = SampleApp.create("noimage", null);
    PushOptions defaults = PushOptions.defaults();
    PushOptions options =
        new PushOptions(
            false,
            null,
            MISSING,
            defaults.index(),
            defaults.startTimeout(),
            defaults.commandTimeout(),
            false);
    List<PushEvent> events = new CopyOnWriteArrayList<>();

    long started = System.nanoTime();
    PushResult r = new PushSession(folder, client, Platform.SANDBOX, options, events::add).run();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    System.out.println("missing image: the push failed after " + took.toMillis() + " ms");
    assertThat(r.success()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "copy-supervisord: ErrImagePull: image "
                + MISSING
                + " not found: it is not among podman's local images");
    // Seconds of work (apply, PVC, pod); the start timeout is 240 s. Slack for a loaded machine.
    assertThat(took).isLessThan(Duration.ofSeconds(60));
  }
}
