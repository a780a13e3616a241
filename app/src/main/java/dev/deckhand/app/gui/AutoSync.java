package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ClusterTimeouts;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.watch.ChangeBatch;
import dev.deckhand.core.watch.ComponentWatch;
import dev.deckhand.core.watch.PushQueue;
import dev.deckhand.core.watch.PushRunner;
import dev.deckhand.core.watch.PushWhenReachable;
import dev.deckhand.core.watch.WatchMode;
import dev.deckhand.core.watch.WatchSettings;
import dev.deckhand.core.watch.Watches;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component page's auto-sync: a {@link Watches} watch of the folder whose pushes report to the
 * page's {@link PushViewModel}, so an automatic push fills the timeline and console like a manual
 * one. {@link #start} and {@link #stop} are called on the FX thread and return at once; connecting,
 * registering and closing happen on the background executor, and queue states come back through the
 * UI thread. A generation number makes a late start that was already stopped a no-op.
 */
public final class AutoSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AutoSync.class);

  /** What the switch's label says. */
  public enum Status {
    OFF(""),
    STARTING("starting watch…"),
    IDLE("watching · idle"),
    SYNCING("syncing"),
    QUEUED("syncing · queued");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /** How often a push that failed because the server was down asks it again. */
  static final Duration RETRY_EVERY = Duration.ofSeconds(2);

  private final AutoSyncPusher pusher;
  private final PushViewModel push;
  private final TaskExecutor background;
  private final UiThread ui;
  private final Watches watches;
  private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.OFF);
  private final StringProperty problem = new SimpleStringProperty("");
  // The problem line shown while a push waits for the API server; cleared when it answers.
  private volatile String waitingLine;
  private final StringBinding label;
  private Runnable onFailedStart = () -> {};

  private final AtomicLong generation = new AtomicLong();
  // Written under lock (never taken on the FX thread); read anywhere.
  private final Object lock = new Object();
  private volatile ComponentWatch watch;
  private AutoSyncPusher.Runner runner;

  AutoSync(
      AutoSyncPusher pusher,
      PushViewModel push,
      WatchSettings settings,
      TaskExecutor background,
      UiThread ui) {
    this.pusher = pusher;
    this.push = push;
    this.background = background;
    this.ui = ui;
    this.watches = new Watches(settings);
    this.label = Bindings.createStringBinding(() -> status.get().label, status);
  }

  /** Called (FX thread) when a start fails, so the switch can turn itself off. */
  void onFailedStart(Runnable action) {
    this.onFailedStart = action;
  }

  /** FX thread: watch {@code folder} and push every change to {@code context}, starting now. */
  void start(Path folder, ClusterContext context) {
    long gen = next();
    status.set(Status.STARTING);
    problem.set("");
    background.execute(() -> open(gen, folder, context));
  }

  /** FX thread: stops watching; a push in flight is cancelled. */
  void stop() {
    next();
    status.set(Status.OFF);
    background.execute(this::closeCurrent);
  }

  /** FX thread: "Push" while auto-sync runs goes through its queue, never beside it. */
  boolean pushNow() {
    ComponentWatch w = watch;
    if (w == null) {
      return false;
    }
    w.pushNow();
    return true;
  }

  public boolean active() {
    return status.get() != Status.OFF;
  }

  private long next() {
    return generation.incrementAndGet();
  }

  private boolean current(long gen) {
    return gen == generation.get();
  }

  private void open(long gen, Path folder, ClusterContext context) {
    if (!current(gen)) {
      return;
    }
    AutoSyncPusher.Runner r;
    try {
      r = pusher.open(folder, context, push); // may connect: outside the lock
    } catch (Exception e) {
      LOG.warn("auto-sync of {} did not start", folder, e);
      ui.post(() -> failed(gen, "did not start: " + ComponentViewModel.describe(e)));
      return;
    }
    synchronized (lock) {
      if (!current(gen)) {
        r.close();
        return;
      }
      closeLocked();
      try {
        // Like `deckhand watch`: an API outage does not leave the folder failed until the next
        // edit; the push waits for the server and goes again by itself.
        PushRunner whenReachable =
            new PushWhenReachable(
                batch -> {
                  answered(gen);
                  runOne(r, batch);
                },
                PushWhenReachable.probing(context, ClusterTimeouts.current()),
                RETRY_EVERY,
                waiting -> waiting(gen, waiting));
        ComponentWatch w =
            watches.start(folder, IndexOptions.defaults(), whenReachable, events(gen));
        runner = r;
        watch = w;
        w.watcher()
            .ready()
            .whenComplete(
                (mode, error) -> {
                  if (error != null) {
                    ui.post(() -> failed(gen, "the folder watch did not start: " + error));
                    return;
                  }
                  ui.post(
                      () -> {
                        if (current(gen) && status.get() == Status.STARTING) {
                          status.set(Status.IDLE);
                        }
                      });
                  // Like `deckhand watch`: the first push brings the container up to date.
                  w.pushNow();
                });
      } catch (RuntimeException e) {
        r.close();
        LOG.warn("auto-sync of {} did not start", folder, e);
        ui.post(() -> failed(gen, "did not start: " + ComponentViewModel.describe(e)));
      }
    }
  }

  private void failed(long gen, String message) {
    if (!current(gen)) {
      return;
    }
    problem.set("Auto-sync " + message);
    stop();
    onFailedStart.run();
  }

  private void waiting(long gen, String line) {
    String shown = "Auto-sync: " + line;
    waitingLine = shown;
    ui.post(
        () -> {
          if (current(gen)) {
            problem.set(shown);
          }
        });
  }

  /** A push starts: the server answered (or was never found down), so its waiting line is stale. */
  private void answered(long gen) {
    String shown = waitingLine;
    if (shown == null) {
      return;
    }
    waitingLine = null;
    ui.post(
        () -> {
          if (current(gen) && shown.equals(problem.get())) {
            problem.set("");
          }
        });
  }

  private void runOne(AutoSyncPusher.Runner r, ChangeBatch batch) throws Exception {
    push.beginFromAnyThread();
    try {
      r.push(batch);
    } catch (AutoSyncPusher.ReportedFailure | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      push.on(
          new PushEvent.PushFinished(
              Instant.now(),
              false,
              Duration.ZERO,
              "Push failed: " + ComponentViewModel.describe(e),
              null,
              0,
              0,
              0));
      throw e;
    }
  }

  private Watches.Events events(long gen) {
    return new Watches.Events() {
      @Override
      public void onStateChanged(PushQueue.State state) {
        Status s =
            switch (state) {
              case IDLE -> Status.IDLE;
              case PUSHING -> Status.SYNCING;
              case PUSHING_AND_QUEUED -> Status.QUEUED;
            };
        ui.post(
            () -> {
              if (current(gen) && status.get() != Status.OFF) {
                status.set(s);
              }
            });
      }

      @Override
      public void onProblem(String message) {
        ui.post(
            () -> {
              if (current(gen)) {
                problem.set("Auto-sync: " + message);
              }
            });
      }

      @Override
      public void onModeChanged(WatchMode mode) {
        LOG.info("auto-sync watch mode: {}", mode);
      }
    };
  }

  private void closeCurrent() {
    synchronized (lock) {
      closeLocked();
    }
  }

  private void closeLocked() {
    if (watch != null) {
      watches.stop(watch.root());
      watch = null;
    }
    if (runner != null) {
      runner.close();
      runner = null;
    }
  }

  /** Stops everything now, on the calling thread (the window is closing). */
  @Override
  public void close() {
    next();
    closeCurrent();
    watches.close();
  }

  public ObjectProperty<Status> statusProperty() {
    return status;
  }

  public StringBinding labelBinding() {
    return label;
  }

  public StringProperty problemProperty() {
    return problem;
  }
}
