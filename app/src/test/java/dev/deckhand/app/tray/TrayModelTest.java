package dev.deckhand.app.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deckhand.app.tray.TrayModel.Component;
import dev.deckhand.app.tray.TrayModel.IconState;
import dev.deckhand.app.tray.TrayModel.MenuItem;
import dev.deckhand.app.tray.TrayModel.Notification;
import dev.deckhand.app.tray.TrayModel.SyncState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrayModelTest {
  private final List<String> calls = new ArrayList<>();
  private final List<Notification> notifications = new ArrayList<>();
  private int changes;
  private TrayModel model;

  @BeforeEach
  void setUp() {
    model =
        new TrayModel(
            new TrayModel.Actions() {
              @Override
              public void setAutoSync(String component, boolean on) {
                calls.add("auto-sync " + component + " " + on);
              }

              @Override
              public void pushNow(String component) {
                calls.add("push " + component);
              }

              @Override
              public void openWindow() {
                calls.add("open");
              }

              @Override
              public void quit() {
                calls.add("quit");
              }
            });
    model.onChange(() -> changes++);
    model.onNotification(notifications::add);
    model.setComponents(
        List.of(
            new Component("api", Path.of("/src/api"), true, SyncState.IDLE, ""),
            new Component("web", Path.of("/src/web"), false, SyncState.IDLE, "")));
  }

  @Test
  void iconStateFollowsTheComponents() {
    assertEquals(IconState.IDLE, model.iconState());
    model.syncing("web");
    assertEquals(IconState.SYNCING, model.iconState());
    model.pushFailed("api", "assemble failed", false);
    assertEquals(IconState.ERROR, model.iconState(), "any error wins over syncing");
    model.pushSucceeded("web");
    assertEquals(IconState.ERROR, model.iconState());
    model.syncing("api");
    assertEquals(IconState.SYNCING, model.iconState());
    model.pushSucceeded("api");
    assertEquals(IconState.IDLE, model.iconState());
  }

  @Test
  void failedComponentKeepsItsErrorText() {
    model.pushFailed("api", "assemble failed: exit 1", false);
    Component api = model.components().get(0);
    assertEquals(SyncState.ERROR, api.state());
    assertEquals("assemble failed: exit 1", api.lastError());
    assertTrue(model.tooltip().contains("assemble failed: exit 1"), model.tooltip());
  }

  @Test
  void menuListsEachComponentWithItsToggleThenTheGlobalCommands() {
    List<MenuItem> menu = model.menu();
    List<MenuItem.Toggle> toggles =
        menu.stream()
            .filter(MenuItem.Toggle.class::isInstance)
            .map(MenuItem.Toggle.class::cast)
            .filter(t -> t.component() != null)
            .toList();
    assertEquals(List.of("api", "web"), toggles.stream().map(MenuItem.Toggle::component).toList());
    assertEquals(List.of(true, false), toggles.stream().map(MenuItem.Toggle::checked).toList());
    List<String> pushes =
        menu.stream()
            .filter(i -> i instanceof MenuItem.Action a && a.label().equals(TrayModel.PUSH_NOW))
            .map(i -> ((MenuItem.Action) i).component())
            .toList();
    assertEquals(List.of("api", "web"), pushes);
    List<String> global =
        menu.stream()
            .filter(i -> i instanceof MenuItem.Action a && a.component() == null)
            .map(MenuItem::label)
            .toList();
    assertEquals(List.of(TrayModel.OPEN, TrayModel.PAUSE_ALL, TrayModel.QUIT), global);
    assertEquals(TrayModel.QUIT, menu.get(menu.size() - 1).label());
  }

  @Test
  void togglingCallsTheCallbackAndUpdatesTheMenu() {
    toggle("web").onToggle().accept(true);
    assertEquals(List.of("auto-sync web true"), calls);
    assertTrue(toggle("web").checked());
    assertTrue(model.anyAutoSync());
  }

  @Test
  void actionsCallBack() {
    action(TrayModel.PUSH_NOW, "api").onClick().run();
    action(TrayModel.OPEN, null).onClick().run();
    action(TrayModel.QUIT, null).onClick().run();
    assertEquals(List.of("push api", "open", "quit"), calls);
  }

  @Test
  void pauseAllTurnsEveryAutoSyncOff() {
    toggle("web").onToggle().accept(true);
    calls.clear();
    action(TrayModel.PAUSE_ALL, null).onClick().run();
    assertEquals(List.of("auto-sync api false", "auto-sync web false"), calls);
    assertFalse(model.anyAutoSync());
    assertFalse(toggle("api").checked());
    assertFalse(toggle("web").checked());
  }

  @Test
  void aFailedPushNotifiesOnceUntilItRecovers() {
    model.syncing("api");
    model.pushFailed("api", "assemble failed", false);
    model.syncing("api");
    model.pushFailed("api", "assemble failed", false);
    model.pushFailed("api", "sync failed", false);
    assertEquals(1, notifications.size());
    Notification n = notifications.get(0);
    assertEquals(Notification.Kind.PUSH_FAILED, n.kind());
    assertEquals("api", n.component());
    assertTrue(n.title().contains("api"), n.title());
    assertEquals("assemble failed", n.text());

    model.pushSucceeded("api");
    model.pushFailed("api", "assemble failed again", false);
    assertEquals(2, notifications.size());
  }

  @Test
  void unauthorizedMeansLoginRequired() {
    model.pushFailed("api", "login required for https://api:6443: your token expired", true);
    model.pushFailed("api", "login required for https://api:6443: your token expired", true);
    assertEquals(1, notifications.size());
    assertEquals(Notification.Kind.LOGIN_REQUIRED, notifications.get(0).kind());
    assertTrue(notifications.get(0).title().toLowerCase().contains("login required"));
  }

  @Test
  void unknownComponentsAreIgnoredAndNothingChangesTwice() {
    int before = changes;
    model.pushFailed("nope", "x", false);
    model.autoSyncChanged("api", true); // already on
    assertEquals(before, changes);
    assertTrue(notifications.isEmpty());
  }

  @Test
  void classifierWordingIsRecognisedAsUnauthorized() {
    assertTrue(TrayHost.unauthorized("Push failed: login required for https://x: token expired"));
    assertFalse(TrayHost.unauthorized("assemble failed: exit 1"));
    assertFalse(TrayHost.unauthorized(null));
  }

  private MenuItem.Toggle toggle(String component) {
    return model.menu().stream()
        .filter(i -> i instanceof MenuItem.Toggle t && t.component().equals(component))
        .map(MenuItem.Toggle.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private MenuItem.Action action(String label, String component) {
    return model.menu().stream()
        .filter(
            i ->
                i instanceof MenuItem.Action a
                    && a.label().equals(label)
                    && java.util.Objects.equals(a.component(), component))
        .map(MenuItem.Action.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
