package dev.deckhand.app.gui;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.PushEvent.OutputStream;
import dev.deckhand.core.event.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Recorded engine event sequences, as a real push to the sandbox emits them. */
public final class ScriptedPushes {
  static final ComponentInfo SHOP =
      new ComponentInfo(
          Path.of("/home/dev/src/shop-frontend"), "shop-frontend", "nodejs", "shop", "default");

  private final List<PushEvent> events = new ArrayList<>();
  private Instant t = Instant.parse("2025-01-01T10:00:00Z");

  private ScriptedPushes() {}

  private Instant tick(long ms) {
    t = t.plusMillis(ms);
    return t;
  }

  private ScriptedPushes started(Stage s, String container) {
    events.add(new PushEvent.StageStarted(tick(5), s, container));
    return this;
  }

  private ScriptedPushes done(Stage s, String container, long ms, String message) {
    events.add(
        new PushEvent.StageCompleted(tick(ms), s, container, Duration.ofMillis(ms), message));
    return this;
  }

  private ScriptedPushes step(Stage s, String container, long ms, String message) {
    return started(s, container).done(s, container, ms, message);
  }

  private ScriptedPushes hold(Stage s, String container, String reason) {
    events.add(new PushEvent.Hold(tick(100), s, container, reason));
    return this;
  }

  private ScriptedPushes log(OutputStream stream, String text) {
    events.add(new PushEvent.LogLine(tick(1), Stage.ASSEMBLE, stream, text));
    return this;
  }

  private ScriptedPushes startUp() {
    step(Stage.RESOLVE, null, 20, "nodejs on sandbox");
    step(Stage.APPLY, null, 80, "created 4 objects");
    started(Stage.PVC, null).hold(Stage.PVC, null, "Pending: waiting for the volume to bind");
    done(Stage.PVC, null, 300, "Pending → Bound");
    step(Stage.SCHEDULED, null, 100, "shop-frontend-app-7c9f4");
    return this;
  }

  private ScriptedPushes inits() {
    step(Stage.INIT_CONTAINER, "copy-files-to-volume", 1200, "exit 0 · /opt/app-root seeded");
    step(Stage.INIT_CONTAINER, "copy-supervisord", 400, "exit 0 · /opt/odo ready");
    step(Stage.APP_CONTAINER, null, 900, "Running · go-init → supervisord · restarts 0");
    return this;
  }

  private ScriptedPushes syncAndAssemble() {
    step(Stage.INDEX, null, 40, "1,204 files · 2 modified · 1 deleted");
    started(Stage.SYNC, null);
    events.add(new PushEvent.StageProgress(tick(60), Stage.SYNC, 1, 3, 1800, 4200));
    events.add(new PushEvent.StageProgress(tick(60), Stage.SYNC, 3, 3, 4200, 4200));
    done(Stage.SYNC, null, 210, "3 files · 4.1 KB · 1 exec · verified");
    started(Stage.ASSEMBLE, null);
    log(OutputStream.STDOUT, "---> Installing application source ...");
    log(OutputStream.STDOUT, "---> Installing all dependencies");
    log(OutputStream.STDOUT, "added 57 packages, and audited 58 packages in 1s");
    log(OutputStream.STDERR, "npm WARN deprecated inflight@1.0.6: This module is not supported");
    log(OutputStream.STDOUT, "---> Building in development mode");
    log(OutputStream.STDOUT, "supervisord: run: stopped");
    log(OutputStream.STDOUT, "supervisord: run: started (pid 214)");
    return this;
  }

  /** Every stage completes. */
  public static List<PushEvent> successful() {
    ScriptedPushes p = new ScriptedPushes().startUp().inits().syncAndAssemble();
    p.log(OutputStream.STDOUT, "server listening on :8080");
    p.done(Stage.ASSEMBLE, null, 1800, "exit 0");
    p.step(Stage.READY, null, 480, "answers on http://127.0.0.1:31234");
    p.events.add(
        new PushEvent.PushFinished(
            p.tick(1),
            true,
            Duration.ofMillis(5600),
            "Pushed 3 files in 5.6 s",
            "http://127.0.0.1:31234",
            3,
            4200,
            1));
    return List.copyOf(p.events);
  }

  /** Stops in the middle of assemble-and-restart: what a screenshot "mid-push" shows. */
  public static List<PushEvent> midPush() {
    return List.copyOf(new ScriptedPushes().startUp().inits().syncAndAssemble().events);
  }

  /** Stops mid-sync, with the progress bar half full. */
  public static List<PushEvent> midSync() {
    ScriptedPushes p = new ScriptedPushes().startUp().inits();
    p.step(Stage.INDEX, null, 40, "1,204 files · 2 modified · 1 deleted");
    p.started(Stage.SYNC, null);
    p.events.add(new PushEvent.StageProgress(p.tick(60), Stage.SYNC, 7, 12, 2_100_000, 4_000_000));
    return List.copyOf(p.events);
  }

  static final String INIT_FAILURE =
      "init container copy-supervisord: ImagePullBackOff — the image"
          + " quay.io/openshift/odo-init-image:1.1.3 cannot be pulled; check the registry or the pull secret";

  /** The second init container cannot start. */
  public static List<PushEvent> failingInit() {
    ScriptedPushes p = new ScriptedPushes().startUp();
    p.step(Stage.INIT_CONTAINER, "copy-files-to-volume", 1200, "exit 0 · /opt/app-root seeded");
    p.started(Stage.INIT_CONTAINER, "copy-supervisord");
    p.hold(Stage.INIT_CONTAINER, "copy-supervisord", "waiting: ErrImagePull");
    p.events.add(
        new PushEvent.StageFailed(
            p.tick(30_000),
            Stage.INIT_CONTAINER,
            "copy-supervisord",
            INIT_FAILURE,
            List.of(
                "Failed to pull image \"quay.io/openshift/odo-init-image:1.1.3\": unauthorized",
                "Back-off pulling image \"quay.io/openshift/odo-init-image:1.1.3\"")));
    p.events.add(
        new PushEvent.PushFinished(
            p.tick(1),
            false,
            Duration.ofSeconds(32),
            "Push failed: " + INIT_FAILURE,
            null,
            0,
            0,
            0));
    return List.copyOf(p.events);
  }
}
