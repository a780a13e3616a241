package dev.deckhand.app.tray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the tray shows, as plain data: the watched components, the overall icon state, the menu and
 * the notifications. No AWT and no JavaFX, so it is tested without a tray. It is confined to one
 * thread (the FX thread in the app); the AWT adapter hands menu clicks back to that thread.
 */
public final class TrayModel {

  /** The icon's look. */
  public enum IconState {
    IDLE,
    SYNCING,
    ERROR
  }

  /** One component's sync state. */
  public enum SyncState {
    IDLE,
    SYNCING,
    ERROR
  }

  /** A watched component. {@code lastError} is empty unless {@code state} is ERROR. */
  public record Component(
      String name, Path folder, boolean autoSync, SyncState state, String lastError) {
    public Component {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(state, "state");
      lastError = lastError == null ? "" : lastError;
    }

    Component with(boolean on) {
      return new Component(name, folder, on, state, lastError);
    }

    Component with(SyncState s, String error) {
      return new Component(name, folder, autoSync, s, error);
    }
  }

  /** A menu entry. The adapter renders them in order. */
  public sealed interface MenuItem
      permits MenuItem.Header, MenuItem.Toggle, MenuItem.Action, MenuItem.Separator {
    String label();

    /** A component's name (not clickable). */
    record Header(String label, String component) implements MenuItem {}

    /** A checkbox; {@code onToggle} receives the new state. */
    record Toggle(String label, String component, boolean checked, Consumer<Boolean> onToggle)
        implements MenuItem {}

    /** A plain command. */
    record Action(String label, String component, Runnable onClick) implements MenuItem {}

    record Separator() implements MenuItem {
      @Override
      public String label() {
        return "";
      }
    }
  }

  /** What a desktop notification says. */
  public record Notification(Kind kind, String component, String title, String text) {
    public enum Kind {
      PUSH_FAILED,
      LOGIN_REQUIRED,
      CRASH_LOOP
    }
  }

  /**
   * What the menu does, implemented by the GUI's view models. Called on the model's thread; must
   * not block.
   */
  public interface Actions {
    void setAutoSync(String component, boolean on);

    void pushNow(String component);

    void openWindow();

    void quit();

    /** The user switched "Keep running in the tray"; the app saves it. */
    default void keepRunningChanged(boolean on) {}
  }

  public static final String OPEN = "Open Deckhand";
  public static final String PAUSE_ALL = "Pause all";
  public static final String QUIT = "Quit";
  public static final String AUTO_SYNC = "Auto-sync";
  public static final String PUSH_NOW = "Push now";
  public static final String KEEP_RUNNING = "Keep running in the tray when the window closes";

  private final Actions actions;
  private final Map<String, Component> components = new LinkedHashMap<>();

  /** The notification kind already shown for a component's current failure; cleared on success. */
  private final Map<String, Notification.Kind> notified = new LinkedHashMap<>();

  /** Components whose current crash loop was already notified; cleared when it ends. */
  private final java.util.Set<String> crashNotified = new java.util.HashSet<>();

  /** The user's "keep running" choice; null follows auto-sync (on while any component syncs). */
  private Boolean keepRunning;

  private final List<Runnable> changeListeners = new ArrayList<>();
  private final List<Consumer<Notification>> notificationListeners = new ArrayList<>();

  public TrayModel(Actions actions) {
    this.actions = Objects.requireNonNull(actions, "actions");
  }

  public void onChange(Runnable listener) {
    changeListeners.add(listener);
  }

  public void onNotification(Consumer<Notification> listener) {
    notificationListeners.add(listener);
  }

  // ---- state in ----

  /** Replaces the watched components (the window opened another folder). */
  public void setComponents(List<Component> list) {
    components.clear();
    for (Component c : list) {
      components.put(c.name(), c);
    }
    notified.keySet().retainAll(components.keySet());
    crashNotified.retainAll(components.keySet());
    changed();
  }

  /** The component's auto-sync switch changed (from the window or the tray). */
  public void autoSyncChanged(String name, boolean on) {
    update(name, c -> c.autoSync() == on ? c : c.with(on));
  }

  /** A push of the component started. */
  public void syncing(String name) {
    update(name, c -> c.with(SyncState.SYNCING, c.lastError()));
  }

  /** A push of the component succeeded (or it is idle again without a failure). */
  public void pushSucceeded(String name) {
    notified.remove(name);
    update(name, c -> c.with(SyncState.IDLE, ""));
  }

  /**
   * A push of the component failed. Notifies once per failure episode: again only after a success,
   * or when the failure turns into "login required" (or back).
   */
  public void pushFailed(String name, String message, boolean unauthorized) {
    Component c = components.get(name);
    if (c == null) {
      return;
    }
    String text = message == null || message.isBlank() ? "the push failed" : message;
    update(name, x -> x.with(SyncState.ERROR, text));
    Notification.Kind kind =
        unauthorized ? Notification.Kind.LOGIN_REQUIRED : Notification.Kind.PUSH_FAILED;
    if (notified.get(name) != kind) {
      notified.put(name, kind);
      Notification n =
          unauthorized
              ? new Notification(kind, name, "Deckhand: login required", text)
              : new Notification(kind, name, "Deckhand: push of " + name + " failed", text);
      for (Consumer<Notification> l : List.copyOf(notificationListeners)) {
        l.accept(n);
      }
    }
  }

  /**
   * The component's pod is in CrashLoopBackOff. Notifies once per episode: the next notification
   * comes only after {@link #crashLoopEnded} (the pod ran, or was replaced, in between).
   */
  public void crashLooping(String name, String text) {
    if (!components.containsKey(name) || !crashNotified.add(name)) {
      return;
    }
    Notification n =
        new Notification(
            Notification.Kind.CRASH_LOOP,
            name,
            "Deckhand: " + name + " keeps crashing",
            text == null || text.isBlank() ? "the app container restarts in a loop" : text);
    for (Consumer<Notification> l : List.copyOf(notificationListeners)) {
      l.accept(n);
    }
  }

  /** The component is no longer crash-looping; a new loop will notify again. */
  public void crashLoopEnded(String name) {
    crashNotified.remove(name);
  }

  /** The saved setting, or null for "while auto-sync is on". */
  public void setKeepRunning(Boolean on) {
    if (!Objects.equals(keepRunning, on)) {
      keepRunning = on;
      changed();
    }
  }

  // ---- state out ----

  /** Whether closing the window leaves Deckhand in the tray. */
  public boolean keepRunningOnClose() {
    return keepRunning != null ? keepRunning : anyAutoSync();
  }

  public List<Component> components() {
    return List.copyOf(components.values());
  }

  public boolean anyAutoSync() {
    return components.values().stream().anyMatch(Component::autoSync);
  }

  /** Any error ⇒ ERROR, else any syncing ⇒ SYNCING, else IDLE. */
  public IconState iconState() {
    boolean syncing = false;
    for (Component c : components.values()) {
      if (c.state() == SyncState.ERROR) {
        return IconState.ERROR;
      }
      syncing |= c.state() == SyncState.SYNCING;
    }
    return syncing ? IconState.SYNCING : IconState.IDLE;
  }

  /** The icon's tooltip: the overall state, and the first error if any. */
  public String tooltip() {
    StringBuilder sb = new StringBuilder("Deckhand");
    switch (iconState()) {
      case IDLE -> sb.append(anyAutoSync() ? " · watching" : " · idle");
      case SYNCING -> sb.append(" · syncing");
      case ERROR -> {
        Component failed =
            components.values().stream()
                .filter(c -> c.state() == SyncState.ERROR)
                .findFirst()
                .orElseThrow();
        sb.append(" · ").append(failed.name()).append(": ").append(failed.lastError());
      }
    }
    return sb.toString();
  }

  /** Per component a header, its "Auto-sync" toggle and "Push now"; then the global commands. */
  public List<MenuItem> menu() {
    List<MenuItem> items = new ArrayList<>();
    for (Component c : components.values()) {
      String name = c.name();
      String header =
          switch (c.state()) {
            case IDLE -> name;
            case SYNCING -> name + " (syncing)";
            case ERROR -> name + " (failed)";
          };
      items.add(new MenuItem.Header(header, name));
      items.add(new MenuItem.Toggle(AUTO_SYNC, name, c.autoSync(), on -> toggleAutoSync(name, on)));
      items.add(new MenuItem.Action(PUSH_NOW, name, () -> actions.pushNow(name)));
      items.add(new MenuItem.Separator());
    }
    items.add(new MenuItem.Action(OPEN, null, actions::openWindow));
    items.add(new MenuItem.Action(PAUSE_ALL, null, this::pauseAll));
    items.add(
        new MenuItem.Toggle(KEEP_RUNNING, null, keepRunningOnClose(), this::toggleKeepRunning));
    items.add(new MenuItem.Separator());
    items.add(new MenuItem.Action(QUIT, null, actions::quit));
    return items;
  }

  // ---- commands ----

  public void toggleAutoSync(String name, boolean on) {
    if (!components.containsKey(name)) {
      return;
    }
    autoSyncChanged(name, on);
    actions.setAutoSync(name, on);
  }

  /** From the menu: an explicit choice from now on, saved by the app. */
  public void toggleKeepRunning(boolean on) {
    setKeepRunning(on);
    actions.keepRunningChanged(on);
  }

  /** Turns every component's auto-sync off. */
  public void pauseAll() {
    for (Component c : components()) {
      if (c.autoSync()) {
        toggleAutoSync(c.name(), false);
      }
    }
  }

  private void update(String name, java.util.function.UnaryOperator<Component> change) {
    Component c = components.get(name);
    if (c == null) {
      return;
    }
    Component next = change.apply(c);
    if (!next.equals(c)) {
      components.put(name, next);
      changed();
    }
  }

  private void changed() {
    for (Runnable l : List.copyOf(changeListeners)) {
      l.run();
    }
  }
}
