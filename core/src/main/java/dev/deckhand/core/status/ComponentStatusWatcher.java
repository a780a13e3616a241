package dev.deckhand.core.status;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.client.OpenShiftClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one component and hands a new {@link ComponentStatus} to a listener whenever what it
 * shows changes.
 *
 * <p>fabric8 informers, all in the component's namespace, keep caches of: the pods labelled {@code
 * deploymentconfig=<name>}; the Deployments, DeploymentConfigs (only when the cluster serves them),
 * PVCs, Services, Ingresses and Routes (only when served) labelled {@code
 * app.kubernetes.io/instance=<component>,app.kubernetes.io/part-of=<app>}; and the namespace's
 * Events (their involved objects cannot be selected up front, so they are filtered in memory).
 *
 * <p>Threads: informer callbacks only mark the snapshot dirty. One "status" thread rebuilds it from
 * the caches (at most one rebuild queued) and also checks every {@code checkInterval} whether the
 * informers still watch. A second thread calls the listener; if the listener is slow it receives
 * only the latest snapshot, never a backlog. Snapshots equal to the previous one are not sent.
 *
 * <p>Connection: fabric8 re-lists and re-watches by itself after an outage (1 s to 32 s backoff).
 * While any informer is not watching, snapshots carry {@link ConnectionState#RECONNECTING} with the
 * last known objects; after the re-list they are {@link ConnectionState#CONNECTED} again. An
 * informer that gives up for good makes the connection {@link ConnectionState#DISCONNECTED}. If the
 * very first list fails, the listener gets a snapshot with health {@link HealthState#UNKNOWN}.
 */
public final class ComponentStatusWatcher implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ComponentStatusWatcher.class);

  /** How often the informers' watch state is checked by default. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

  static final String LOST = "lost connection to the API; reconnecting…";

  private final ComponentNames names;
  private final String namespace;
  private final Consumer<ComponentStatus> listener;
  private final ScheduledExecutorService statusThread;
  private final ExecutorService listenerThread;

  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<DeploymentConfig> deploymentConfigs;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<PersistentVolumeClaim> claims;
  private final SharedIndexInformer<Event> events;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<Ingress> ingresses;
  private final SharedIndexInformer<Route> routes;
  private final List<SharedIndexInformer<?>> all = new ArrayList<>();

  private final AtomicBoolean rebuildQueued = new AtomicBoolean();
  private final AtomicReference<ComponentStatus> pending = new AtomicReference<>();
  private final AtomicReference<Throwable> lastError = new AtomicReference<>();
  private final Set<SharedIndexInformer<?>> everWatched =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private volatile boolean closed;
  private volatile ComponentStatus current;
  private boolean everSynced;

  private ComponentStatusWatcher(
      KubernetesClient client,
      ComponentNames names,
      String namespace,
      Consumer<ComponentStatus> listener,
      Duration checkInterval) {
    this.names = Objects.requireNonNull(names, "names");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.listener = Objects.requireNonNull(listener, "listener");
    String thread = "deckhand-status-" + names.name();
    this.statusThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, thread));
    this.listenerThread = Executors.newSingleThreadExecutor(r -> daemon(r, thread + "-listener"));

    try {
      ClusterKinds kinds = ClusterKinds.ofOrNone(client);
      Map<String, String> ours = ComponentStatusReader.componentLabels(names);
      deployments =
          add(
              client
                  .apps()
                  .deployments()
                  .inNamespace(namespace)
                  .withLabels(ours)
                  .runnableInformer(0));
      deploymentConfigs =
          kinds.deploymentConfigs()
              ? add(
                  client
                      .adapt(OpenShiftClient.class)
                      .deploymentConfigs()
                      .inNamespace(namespace)
                      .withLabels(ours)
                      .runnableInformer(0))
              : null;
      pods =
          add(
              client
                  .pods()
                  .inNamespace(namespace)
                  .withLabel(OdoLabels.POD_SELECTOR, names.name())
                  .runnableInformer(0));
      claims =
          add(
              client
                  .persistentVolumeClaims()
                  .inNamespace(namespace)
                  .withLabels(ours)
                  .runnableInformer(0));
      events = add(client.v1().events().inNamespace(namespace).runnableInformer(0));
      services = add(client.services().inNamespace(namespace).withLabels(ours).runnableInformer(0));
      ingresses =
          add(
              client
                  .network()
                  .v1()
                  .ingresses()
                  .inNamespace(namespace)
                  .withLabels(ours)
                  .runnableInformer(0));
      routes =
          kinds.routes()
              ? add(
                  client
                      .adapt(OpenShiftClient.class)
                      .routes()
                      .inNamespace(namespace)
                      .withLabels(ours)
                      .runnableInformer(0))
              : null;
    } catch (RuntimeException e) {
      for (SharedIndexInformer<?> informer : all) {
        informer.stop();
      }
      statusThread.shutdownNow();
      listenerThread.shutdownNow();
      throw e;
    }
  }

  /** Starts watching with the default check interval. */
  public static ComponentStatusWatcher start(
      KubernetesClient client,
      ComponentNames names,
      String namespace,
      Consumer<ComponentStatus> listener) {
    return start(client, names, namespace, listener, DEFAULT_CHECK_INTERVAL);
  }

  /**
   * Starts the informers and returns at once; the first snapshot arrives after the first list.
   *
   * @param checkInterval how often the watch state is checked (the delay before a dropped
   *     connection shows as {@link ConnectionState#RECONNECTING})
   */
  public static ComponentStatusWatcher start(
      KubernetesClient client,
      ComponentNames names,
      String namespace,
      Consumer<ComponentStatus> listener,
      Duration checkInterval) {
    ComponentStatusWatcher watcher =
        new ComponentStatusWatcher(client, names, namespace, listener, checkInterval);
    try {
      watcher.startInformers(checkInterval);
    } catch (RuntimeException e) {
      watcher.close();
      throw e;
    }
    return watcher;
  }

  /** The latest snapshot, or {@code null} before the first one. */
  public ComponentStatus current() {
    return current;
  }

  /** Stops the informers and the threads; the listener is not called afterwards. */
  @Override
  public void close() {
    closed = true;
    for (SharedIndexInformer<?> informer : all) {
      try {
        informer.stop();
      } catch (RuntimeException e) {
        logger.debug("stopping an informer", e);
      }
    }
    statusThread.shutdownNow();
    listenerThread.shutdownNow();
  }

  private <T> SharedIndexInformer<T> add(SharedIndexInformer<T> informer) {
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            rebuildSoon();
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            rebuildSoon();
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            rebuildSoon();
          }
        });
    informer.exceptionHandler(
        (started, t) -> {
          logger.debug(
              "{} informer of {}: {}",
              informer.getApiTypeClass().getSimpleName(),
              names.name(),
              t.toString());
          lastError.set(t);
          rebuildSoon();
          // Keep retrying (with fabric8's backoff): a token refreshed by `oc login` or a server
          // that comes back heals the watch; the snapshot says RECONNECTING meanwhile.
          return !closed;
        });
    all.add(informer);
    return informer;
  }

  private void startInformers(Duration checkInterval) {
    for (SharedIndexInformer<?> informer : all) {
      informer
          .start()
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  lastError.set(failure);
                }
                rebuildSoon();
              });
    }
    long every = Math.max(10, checkInterval.toMillis());
    statusThread.scheduleWithFixedDelay(this::rebuildSafely, every, every, TimeUnit.MILLISECONDS);
  }

  private void rebuildSoon() {
    if (closed || !rebuildQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      statusThread.execute(
          () -> {
            rebuildQueued.set(false);
            rebuildSafely();
          });
    } catch (RejectedExecutionException e) {
      rebuildQueued.set(false);
    }
  }

  private void rebuildSafely() {
    try {
      rebuild();
    } catch (RuntimeException e) {
      logger.warn("cannot build the status of {}", names.name(), e);
    }
  }

  /** Runs on the status thread only. */
  private void rebuild() {
    if (closed) {
      return;
    }
    Connection connection = connection();
    if (connection == null) {
      return;
    }
    ComponentStatus snapshot =
        everSynced
            ? StatusAssembler.build(names, namespace, objects(), connection)
            : StatusAssembler.unknown(names, namespace, connection);
    if (snapshot.equals(current)) {
      return;
    }
    current = snapshot;
    deliver(snapshot);
  }

  /** The connection now, or {@code null} while the first list and watch are still being set up. */
  private Connection connection() {
    boolean synced = true;
    boolean allWatching = true;
    boolean lostOne = false;
    boolean gaveUp = false;
    for (SharedIndexInformer<?> informer : all) {
      synced &= informer.hasSynced();
      if (informer.isWatching()) {
        everWatched.add(informer);
      } else {
        allWatching = false;
        lostOne |= everWatched.contains(informer);
        gaveUp |= informer.stopped().toCompletableFuture().isDone();
      }
    }
    everSynced |= synced;
    Throwable error = lastError.get();
    if (gaveUp) {
      return Connection.disconnected("stopped watching the API" + detail(error));
    }
    if (allWatching && synced) {
      lastError.set(null);
      return Connection.CONNECTED;
    }
    if (!everSynced) {
      return error == null
          ? null
          : Connection.reconnecting("cannot read the API" + detail(error) + "; retrying…");
    }
    if (lostOne || error != null) {
      return Connection.reconnecting(LOST);
    }
    return null;
  }

  private static String detail(Throwable error) {
    if (error == null) {
      return "";
    }
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    return " (" + StatusAssembler.oneLine(message) + ")";
  }

  private ClusterObjects objects() {
    return new ClusterObjects(
        deployments.getStore().list(),
        deploymentConfigs == null ? List.of() : deploymentConfigs.getStore().list(),
        pods.getStore().list(),
        claims.getStore().list(),
        events.getStore().list(),
        services.getStore().list(),
        ingresses.getStore().list(),
        routes == null ? List.of() : routes.getStore().list());
  }

  /** Hands the snapshot to the listener thread; a snapshot not yet taken is replaced. */
  private void deliver(ComponentStatus snapshot) {
    if (pending.getAndSet(snapshot) != null) {
      return;
    }
    try {
      listenerThread.execute(
          () -> {
            ComponentStatus latest = pending.getAndSet(null);
            if (latest == null || closed) {
              return;
            }
            try {
              listener.accept(latest);
            } catch (RuntimeException e) {
              logger.warn("status listener of {} failed", names.name(), e);
            }
          });
    } catch (RejectedExecutionException e) {
      pending.set(null);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
