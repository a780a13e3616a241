package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.PodStatusView;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Logs tab: follows the app container of the component's running pod while the tab is shown. A
 * new pod (a restart, a new rollout) restarts the follow with a clean console; leaving the tab,
 * closing or switching component stops it.
 */
public final class LogsViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(LogsViewModel.class);
  static final int LOG_LINES = 5_000;

  private final ConsoleBuffer console = new ConsoleBuffer(LOG_LINES);
  private final BooleanProperty shown = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper following = new ReadOnlyStringWrapper("");
  private final ComponentServices.LogSource source;
  private final TaskExecutor background;
  private final UiThread ui;
  private ComponentInfo component;
  private ClusterContext context;
  private ComponentStatus status;
  private AutoCloseable current;
  private long generation;

  LogsViewModel(ComponentServices.LogSource source, TaskExecutor background, UiThread ui) {
    this.source = source;
    this.background = background;
    this.ui = ui;
    shown.addListener((o, was, now) -> reconcile());
  }

  /** FX thread: the component, its cluster or its status changed. */
  void update(ComponentInfo newComponent, ClusterContext newContext, ComponentStatus newStatus) {
    boolean sameComponent =
        Objects.equals(component, newComponent) && Objects.equals(context, newContext);
    component = newComponent;
    context = newContext;
    status = sameComponent ? newStatus : null;
    if (!sameComponent) {
      stop();
    }
    reconcile();
  }

  private void reconcile() {
    String pod = runningPod();
    if (!shown.get() || component == null || context == null) {
      stop();
      message.set(component == null ? "" : "Select a usable cluster to see the app's log");
      return;
    }
    if (pod == null) {
      stop();
      message.set(
          status == null
              ? "Waiting for the component's status…"
              : "No running pod yet — push the component to start one");
      return;
    }
    if (pod.equals(following.get())) {
      return;
    }
    stop();
    console.clear();
    message.set("");
    following.set(pod);
    long gen = ++generation;
    ComponentInfo c = component;
    ClusterContext x = context;
    CoalescingInbox<ConsoleLine> inbox =
        new CoalescingInbox<>(
            ui,
            lines -> {
              if (gen == generation) {
                console.addAll(lines);
              }
            },
            1_000);
    background.execute(
        () -> {
          try {
            AutoCloseable watch =
                source.follow(c, x, pod, line -> inbox.offer(new ConsoleLine(line, false)));
            ui.post(
                () -> {
                  if (gen == generation) {
                    current = watch;
                  } else {
                    closeQuietly(watch);
                  }
                });
          } catch (Exception e) {
            ui.post(
                () -> {
                  if (gen == generation) {
                    following.set("");
                    message.set("Cannot follow the log of " + pod + ": " + e.getMessage());
                  }
                });
          }
        });
  }

  private String runningPod() {
    if (status == null) {
      return null;
    }
    PodStatusView pod = status.pod();
    if (pod == null || pod.terminating() || !"Running".equals(pod.phase())) {
      return null;
    }
    return pod.name();
  }

  /** FX thread: stops following (the tab was left, the window closes). */
  void stop() {
    generation++;
    following.set("");
    AutoCloseable watch = current;
    current = null;
    if (watch != null) {
      background.execute(() -> closeQuietly(watch));
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.debug("closing a log follow", e);
    }
  }

  public ConsoleBuffer console() {
    return console;
  }

  /** Whether the Logs tab is on screen; the log is only followed then. */
  public BooleanProperty shownProperty() {
    return shown;
  }

  /** Why nothing is followed (empty while a log is followed). */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The pod whose log is followed, or empty. */
  public ReadOnlyStringProperty followingProperty() {
    return following.getReadOnlyProperty();
  }
}
