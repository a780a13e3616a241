package dev.deckhand.core.push;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.catalog.ResolvedType;
import dev.deckhand.core.cluster.ErrorClassifier;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.event.AppState;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexResult;
import dev.deckhand.core.manifest.ManifestBuilder;
import dev.deckhand.core.manifest.WorkloadKind;
import dev.deckhand.core.manifest.WorkloadKindChooser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One push of a component folder, as odo 1.x does it and shows it: resolve → apply → PVC → pod →
 * init containers → app container → index → sync → assemble-and-restart → ready. Every stage emits
 * events; the index and the sync state advance only after the container confirmed the files and
 * assemble-and-restart exited 0.
 */
public final class PushSession {
  private final Path root;
  private final KubernetesClient client;
  private final Platform platform;
  private final PushOptions options;
  private final StageClock events;
  private int execs;

  public PushSession(
      Path root,
      KubernetesClient client,
      Platform platform,
      PushOptions options,
      PushListener listener,
      Clock clock) {
    this.root = root;
    this.client = client;
    this.platform = platform;
    this.options = options;
    this.events = new StageClock(listener, clock);
  }

  public PushSession(
      Path root, KubernetesClient client, Platform platform, PushOptions options, PushListener l) {
    this(root, client, platform, options, l, Clock.systemUTC());
  }

  /** Runs the push; failures are events too, and come back as an unsuccessful result. */
  public PushResult run() throws InterruptedException {
    Instant start = events.now();
    try {
      PushResult result;
      try {
        result = push(start);
      } catch (KubernetesClientException e) {
        // Waiting stages talk to the API too: a lost login or connection ends the push clearly.
        throw new PushFailedException(
            events.currentStage(), ErrorClassifier.classify(e, server()).oneLine());
      }
      events.emit(finished(result));
      return result;
    } catch (PushFailedException e) {
      events.failed(e.stage(), e.container(), e.getMessage(), e.logTail());
      PushResult failed =
          new PushResult(
              false,
              e.getMessage(),
              null,
              false,
              0,
              0,
              0,
              0,
              execs,
              Duration.between(start, events.now()));
      events.emit(finished(failed));
      return failed;
    }
  }

  private PushResult push(Instant start) throws PushFailedException, InterruptedException {
    if (options.reuseRunningPod() && !options.force()) {
      Pod same = sameContainerAsLastPush();
      if (same != null) {
        return syncAndAssemble(
            start, same, appStatus(same, same.getSpec().getContainers().get(0).getName()));
      }
    }
    // resolve
    events.start(Stage.RESOLVE, null);
    ComponentSettings settings;
    ResolvedType type;
    try {
      LocalConfig config = LocalConfigFile.read(root);
      settings = config.settings;
      if (settings.type == null || settings.name == null) {
        throw new PushFailedException(
            Stage.RESOLVE,
            LocalConfigFile.pathIn(root)
                + ": ComponentSettings.Type and Name are needed; run deckhand create");
      }
      type = ComponentCatalog.loadDefault().resolve(settings.type);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new PushFailedException(Stage.RESOLVE, e.getMessage());
    }
    String namespace = settings.project != null ? settings.project : client.getNamespace();
    events.done(
        Stage.RESOLVE,
        null,
        settings.name
            + " ("
            + settings.type
            + ") in "
            + namespace
            + " on "
            + platform.name().toLowerCase());

    // apply
    events.start(Stage.APPLY, null);
    ComponentApplier applier = new ComponentApplier(client, namespace);
    AppliedComponent applied;
    try {
      applier.ensureNamespace();
      WorkloadKind kind = chooseWorkload(settings, namespace);
      applied =
          applier.apply(
              () -> {
                ManifestBuilder b =
                    new ManifestBuilder(settings, type, platform).workloadKind(kind);
                if (options.initImage() != null) {
                  b.initImage(options.initImage());
                }
                return b;
              });
    } catch (KubernetesClientException e) {
      throw new PushFailedException(
          Stage.APPLY,
          "cannot apply the component: " + ErrorClassifier.classify(e, server()).oneLine());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new PushFailedException(Stage.APPLY, "cannot apply the component: " + e.getMessage());
    }
    String name = applied.manifests().names().name();
    if (applied.created()) {
      new AppMarker(client, namespace, name).created();
    }
    events.done(
        Stage.APPLY,
        null,
        applied.manifests().workloadKind() == WorkloadKind.DEPLOYMENT_CONFIG
            ? "DeploymentConfig " + name + " " + applied.summary()
            : "Deployment " + name + " " + applied.summary());

    RolloutWatch rollout =
        new RolloutWatch(client, namespace, name, events, options.startTimeout());
    EarlierSteps earlier = new EarlierSteps(start);
    String pvc = applied.manifests().names().s2iDataPvc();
    events.start(Stage.PVC, null);
    rollout.awaitPvcBound(pvc);
    events.done(
        Stage.PVC,
        null,
        pvc + " Bound",
        earlier.pvc(client.persistentVolumeClaims().inNamespace(namespace).withName(pvc).get()));

    events.start(Stage.SCHEDULED, null);
    Pod pod = rollout.awaitScheduled(applied.templateChanged() ? applied.podsBefore() : Set.of());
    events.done(
        Stage.SCHEDULED,
        null,
        pod.getMetadata().getName() + " on " + pod.getSpec().getNodeName(),
        earlier.scheduled(pod));

    for (Container init : pod.getSpec().getInitContainers()) {
      events.start(Stage.INIT_CONTAINER, init.getName());
      rollout.awaitInit(pod, init.getName());
      events.done(
          Stage.INIT_CONTAINER, init.getName(), "exit 0", earlier.init(pod, init.getName()));
    }
    events.start(Stage.APP_CONTAINER, name);
    pod = rollout.awaitApp(pod, name);
    ContainerStatus app = appStatus(pod, name);
    events.done(
        Stage.APP_CONTAINER,
        name,
        "running" + (app.getRestartCount() > 0 ? " (" + app.getRestartCount() + " restarts)" : ""),
        earlier.app(pod, name));

    return syncAndAssemble(start, pod, app);
  }

  /**
   * The pod of the last confirmed push, if its app container is still the one that got the files
   * (same pod UID, container ID and restart count) and runs; else null.
   */
  private Pod sameContainerAsLastPush() {
    SyncState last = SyncState.read(root).orElse(null);
    if (last == null || last.pod() == null) {
      return null;
    }
    Pod pod = client.pods().inNamespace(last.namespace()).withName(last.pod()).get();
    if (pod == null
        || pod.getStatus() == null
        || pod.getMetadata().getDeletionTimestamp() != null) {
      return null;
    }
    for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
      if (s.getName().equals(last.workload())
          && s.getState() != null
          && s.getState().getRunning() != null
          && last.equals(stateOf(pod, s))) {
        return pod;
      }
    }
    return null;
  }

  private static SyncState stateOf(Pod pod, ContainerStatus app) {
    return new SyncState(
        pod.getMetadata().getNamespace(),
        app.getName(),
        pod.getMetadata().getName(),
        pod.getMetadata().getUid(),
        app.getContainerID(),
        app.getRestartCount());
  }

  private PushResult syncAndAssemble(Instant start, Pod pod, ContainerStatus app)
      throws PushFailedException, InterruptedException {
    String namespace = pod.getMetadata().getNamespace();
    String name = app.getName();
    // index
    events.start(Stage.INDEX, null);
    ComponentIndexer indexer = new ComponentIndexer(root, options.index());
    IndexResult scanned;
    Set<String> unconfirmed = UnconfirmedPaths.read(root);
    try {
      scanned = indexer.scan(unconfirmed);
    } catch (IOException e) {
      throw new PushFailedException(Stage.INDEX, "cannot scan " + root + ": " + e.getMessage());
    }
    SyncState here = stateOf(pod, app);
    boolean sameContainer = SyncState.read(root).map(here::equals).orElse(false);
    boolean full = options.force() || !sameContainer;
    SyncPlan plan =
        full
            ? SyncPlan.full(scanned.index(), scanned.changes())
            : SyncPlan.incremental(scanned.index(), scanned.changes());
    events.done(Stage.INDEX, null, indexSummary(scanned, plan, sameContainer));

    if (plan.isEmpty() && !full) {
      String url = UrlFinder.find(client, namespace, name);
      return new PushResult(
          true,
          "No file changes detected; nothing pushed",
          url,
          false,
          0,
          0,
          0,
          0,
          execs,
          Duration.between(start, events.now()));
    }

    // sync
    Map<String, String> env = env(pod, name);
    PodExec exec = new PodExec(client, namespace, pod.getMetadata().getName(), name);
    beforeSync(plan, scanned, unconfirmed);
    RemoteSync.Result synced =
        SyncStage.run(events, exec, root, plan, env, scanned, options.commandTimeout());
    if (synced.needsFull()) {
      plan = SyncPlan.full(scanned.index(), scanned.changes());
      full = true;
      beforeSync(plan, scanned, unconfirmed);
      synced = SyncStage.run(events, exec, root, plan, env, scanned, options.commandTimeout());
    }

    // assemble
    AppMarker marker = new AppMarker(client, namespace, name);
    try {
      AssembleStage.run(events, exec, options.commandTimeout(), marker);
    } catch (PushFailedException e) {
      // The container now has files the index does not record: the next push sends everything.
      try {
        SyncState.forget(root);
      } catch (IOException ignored) {
        // a missing state means a full push anyway
      }
      throw e;
    }
    execs = exec.count();
    try {
      indexer.commit(scanned);
      here.write(root);
      UnconfirmedPaths.clear(root);
    } catch (IOException e) {
      throw new PushFailedException(
          Stage.ASSEMBLE,
          "pushed, but cannot record it in " + root.resolve(".odo") + ": " + e.getMessage());
    }

    Instant restarted = events.now();

    // ready: the files are in and recorded either way; what the app does is checked, not assumed
    events.start(Stage.READY, null);
    String url = awaitUrl(namespace, name);
    ReadyCheck.Outcome ready =
        new ReadyCheck(events.clock())
            .run(url, platform == Platform.SANDBOX, exec, restarted, options.readyTimeout());
    execs = exec.count();
    if (ready.state().down()) {
      marker.failed(ready.state());
    }
    events.emit(
        new PushEvent.AppChecked(
            events.now(), ready.state(), url, ready.supervisorStatus(), ready.message()));
    if (ready.state().down()) {
      events.failed(Stage.READY, null, ready.message(), List.of());
    } else {
      events.done(Stage.READY, null, ready.message());
    }
    return new PushResult(
        true,
        ready.state() == AppState.ANSWERING
            ? "Changes pushed to " + name
            : "Changes pushed to " + name + "; " + ready.message(),
        url,
        full,
        synced.entries(),
        plan.delete().size(),
        synced.archiveBytes(),
        synced.contentBytes(),
        execs,
        Duration.between(start, events.now()),
        ready.state());
  }

  /**
   * Records, before anything goes out, what a failure could leave in the container unknown to the
   * index: the new paths this sync sends, and — for a full sync, which empties the source folder
   * first — that the container's files no longer match any index (the sync state goes, so a failed
   * full sync is followed by another full one, never by an incremental one).
   */
  private void beforeSync(SyncPlan plan, IndexResult scanned, Set<String> unconfirmed)
      throws PushFailedException {
    try {
      List<String> added = new ArrayList<>();
      Set<String> isNew = new HashSet<>(scanned.changes().added());
      for (String p : plan.send()) {
        if (isNew.contains(p)) {
          added.add(p);
        }
      }
      UnconfirmedPaths.add(root, unconfirmed, added);
      if (plan.full()) {
        SyncState.forget(root);
      }
    } catch (IOException e) {
      throw new PushFailedException(
          Stage.SYNC, "cannot record the sync in " + root.resolve(".odo") + ": " + e.getMessage());
    }
  }

  /** The API server's URL for messages (fabric8's failures do not always name it). */
  private String server() {
    return client.getMasterUrl().toString().replaceAll("/+$", "");
  }

  /** The sandbox reports a new component's URL within a second or two; wait that long for it. */
  private String awaitUrl(String namespace, String name) throws InterruptedException {
    String url = UrlFinder.find(client, namespace, name);
    Instant deadline = events.now().plusSeconds(platform == Platform.SANDBOX ? 5 : 0);
    while (url == null && events.now().isBefore(deadline)) {
      Thread.sleep(200);
      url = UrlFinder.find(client, namespace, name);
    }
    return url;
  }

  private WorkloadKind chooseWorkload(ComponentSettings s, String namespace) {
    boolean odoDc =
        platform == Platform.OPENSHIFT
            && WorkloadKindChooser.existingOdoComponent(
                client,
                namespace,
                new dev.deckhand.core.manifest.ComponentNames(s.name, s.applicationOrDefault())
                    .name(),
                s.name,
                s.applicationOrDefault());
    return WorkloadKindChooser.choose(platform, options.workloadKind(), odoDc);
  }

  private static ContainerStatus appStatus(Pod pod, String name) {
    for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
      if (name.equals(s.getName())) {
        return s;
      }
    }
    throw new IllegalStateException("no status for container " + name);
  }

  private static Map<String, String> env(Pod pod, String container) {
    Map<String, String> env = new HashMap<>();
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getName().equals(container)) {
        for (EnvVar v : c.getEnv()) {
          env.put(v.getName(), v.getValue());
        }
      }
    }
    return env;
  }

  // Package-private for its test; the scan's warnings (a damaged index, an invalid ignore pattern)
  // are said here, since they explain what the push sends.
  static String indexSummary(IndexResult r, SyncPlan plan, boolean sameContainer) {
    String what =
        plan.full()
            ? (sameContainer ? "full push (forced)" : "full push (new pod or container)")
            : r.changes().added().size()
                + " added, "
                + r.changes().modified().size()
                + " modified, "
                + r.changes().deleted().size()
                + " deleted";
    StringBuilder summary = new StringBuilder().append(r.index().size()).append(" entries; ");
    summary.append(what);
    if (!r.problems().isEmpty()) {
      var first = r.problems().get(0);
      String example = RemoteSync.shown(first.path()) + " (" + first.reason() + ")";
      summary.append(
          r.problems().size() == 1
              ? "; left out: " + example
              : "; "
                  + r.problems().size()
                  + " paths left out, e.g. "
                  + example
                  + "; deckhand index lists them all");
    }
    for (String warning : r.warnings()) {
      summary.append("; warning: ").append(warning);
    }
    return summary.toString();
  }

  private PushEvent finished(PushResult r) {
    return new PushEvent.PushFinished(
        events.now(),
        r.success(),
        r.duration(),
        r.summary(),
        r.url(),
        r.filesSent(),
        r.bytesSent(),
        r.execs(),
        r.appState());
  }
}
