package dev.deckhand.sandbox.kubelet;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's node agent: runs every Pod of the API in podman and reports what really happens.
 * Each pod has its own worker thread (its state is touched nowhere else); one monitor polls podman
 * for container states and wakes the workers.
 */
public final class Kubelet implements AutoCloseable {
  public static final String NODE_NAME = "deckhand-sandbox";
  private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);

  private final KubernetesClient client;
  private final PodmanCli podman;
  private final PodLifecycle lifecycle;
  private final Duration poll;
  private final PodmanNames names;
  private final Map<String, Worker> workers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService monitor =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kubelet-monitor"));
  private final ExecutorService blocking =
      Executors.newCachedThreadPool(r -> daemon(r, "kubelet-podman"));
  private final HostPorts hostPorts = new HostPorts();
  private volatile Map<String, Map<String, ContainerSnapshot>> latest = Map.of();
  private SharedIndexInformer<Pod> informer;
  private UrlReporter urls;
  private ClaimVolumeReaper claimVolumes;
  private int ticks;

  private record Worker(PodState state, ExecutorService thread, AtomicBoolean syncQueued) {}

  /**
   * @param instance the sandbox's id in podman names and labels (see {@link PodmanNames})
   */
  public Kubelet(
      KubernetesClient client,
      PodmanCli podman,
      EventRecorder events,
      Duration poll,
      String instance) {
    this(client, podman, events, poll, instance, Map.of());
  }

  /**
   * @param instance the sandbox's id in podman names and labels (see {@link PodmanNames})
   * @param pinnedImages image name in pod specs → the tag to run instead (the sandbox's own builds
   *     of its well-known images, see {@code SandboxImages#pins})
   */
  public Kubelet(
      KubernetesClient client,
      PodmanCli podman,
      EventRecorder events,
      Duration poll,
      String instance,
      Map<String, String> pinnedImages) {
    this.client = client;
    this.podman = podman;
    this.poll = poll;
    this.names = new PodmanNames(instance);
    this.lifecycle =
        new PodLifecycle(
            client,
            new PodRuntime(podman, hostPorts, names, new PinnedImages(pinnedImages)),
            events,
            NODE_NAME,
            BackOff.DEFAULT,
            Clock.systemUTC(),
            blocking,
            (state, task) -> submit(state, task));
  }

  /** Cleans up what an earlier run left, registers the node, and starts watching pods. */
  public Kubelet start() throws IOException {
    try {
      LeftoverPruner.pruneDeadOwners(podman);
    } catch (IOException e) {
      LOG.warn("cannot remove leftovers of sandboxes that no longer run: {}", e.getMessage());
    }
    removeLeftovers();
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(NODE_NAME)
                .addToLabels("kubernetes.io/hostname", NODE_NAME)
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withReason("KubeletReady")
                .withMessage("podman " + podmanVersion())
                .endCondition()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("127.0.0.1")
                .endAddress()
                .endStatus()
                .build())
        .createOr(r -> r.update());
    informer = client.pods().inAnyNamespace().inform(new PodEvents(), 30_000);
    urls = new UrlReporter(client, this);
    claimVolumes = new ClaimVolumeReaper(client, podman, names, monitor);
    monitor.scheduleWithFixedDelay(this::pollPodman, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Exec and logs for the API server, backed by podman. */
  public PodmanStreams streams() {
    return new PodmanStreams(client, podman, () -> latest, names);
  }

  /** How this kubelet names things in podman. */
  public PodmanNames names() {
    return names;
  }

  /** The 127.0.0.1 port serving a pod's container port, once the pod has been started. */
  public Integer hostPort(Pod pod, int containerPort) {
    return hostPorts.existing(pod, containerPort, "tcp");
  }

  private final class PodEvents implements ResourceEventHandler<Pod> {
    @Override
    public void onAdd(Pod pod) {
      changed(pod);
    }

    @Override
    public void onUpdate(Pod oldPod, Pod pod) {
      changed(pod);
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      Worker w = workers.remove(pod.getMetadata().getUid());
      if (w != null) {
        w.thread().execute(() -> lifecycle.remove(w.state()));
        w.thread().shutdown();
      }
    }
  }

  private void changed(Pod pod) {
    String uid = pod.getMetadata().getUid();
    Worker w =
        workers.computeIfAbsent(
            uid,
            k ->
                new Worker(
                    new PodState(pod),
                    Executors.newSingleThreadExecutor(
                        r -> daemon(r, "kubelet-" + pod.getMetadata().getName())),
                    new AtomicBoolean()));
    w.thread()
        .execute(
            () -> {
              w.state().pod = pod;
              sync(w);
            });
  }

  private void submit(PodState state, Runnable task) {
    Worker w = workers.get(state.pod.getMetadata().getUid());
    if (w != null && !w.thread().isShutdown()) {
      w.thread()
          .execute(
              () -> {
                task.run();
                sync(w);
              });
    }
  }

  private void sync(Worker w) {
    w.syncQueued().set(false);
    Map<String, ContainerSnapshot> mine =
        latest.getOrDefault(w.state().pod.getMetadata().getUid(), Map.of());
    lifecycle.sync(w.state(), mine);
  }

  private void pollPodman() {
    try {
      String json =
          podman.check(
              List.of("ps", "-a", "--filter", names.instanceFilter(), "--format", "json"), 30);
      Map<String, Map<String, ContainerSnapshot>> byPod = new HashMap<>();
      for (ContainerSnapshot s : ContainerSnapshot.parse(json)) {
        byPod.computeIfAbsent(s.podUid(), k -> new HashMap<>()).put(s.container(), s);
      }
      latest = byPod;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read container states from podman: {}", e.getMessage());
    }
    if (++ticks % 2 == 0) {
      try {
        urls.report();
      } catch (RuntimeException e) {
        LOG.debug("url report: {}", e.toString());
      }
    }
    for (Worker w : workers.values()) {
      // Coalesced: a slow worker gets one pending sync, not a backlog.
      if (w.syncQueued().compareAndSet(false, true) && !w.thread().isShutdown()) {
        try {
          w.thread().execute(() -> sync(w));
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // deleted meanwhile
        }
      }
    }
  }

  private String podmanVersion() {
    try {
      return podman.check(List.of("version", "--format", "{{.Client.Version}}"), 20).strip();
    } catch (IOException e) {
      return "unavailable: " + e.getMessage();
    }
  }

  /**
   * Removes podman pods, containers and emptyDir volumes of earlier runs (processes are killed
   * between sessions, so their own cleanup may never have run). PVC volumes stay, as PVs do.
   */
  public void removeLeftovers() throws IOException {
    String label = names.instanceFilter();
    for (String id :
        podman.check(List.of("pod", "ps", "-q", "--filter", label), 60).split("\\s+")) {
      if (!id.isBlank()) {
        podman.run(List.of("pod", "rm", "-f", "-t", "0", id), 60);
      }
    }
    for (String id : podman.check(List.of("ps", "-aq", "--filter", label), 60).split("\\s+")) {
      if (!id.isBlank()) {
        podman.run(List.of("rm", "-f", "-t", "0", id), 60);
      }
    }
    for (String v :
        LabelledVolumes.matching(
            podman,
            PodmanNames.LABEL_INSTANCE,
            names.instance(),
            Map.of(PodmanNames.LABEL_VOLUME_KIND, "emptyDir"))) {
      podman.run(List.of("volume", "rm", "-f", v), 60);
    }
  }

  /** Removes the sandbox's PVC volumes too ({@code deckhand sandbox --clean}). */
  public void removeVolumes() throws IOException {
    for (String v :
        LabelledVolumes.matching(podman, PodmanNames.LABEL_INSTANCE, names.instance(), Map.of())) {
      podman.run(List.of("volume", "rm", "-f", v), 60);
    }
  }

  /** Stops watching and removes every podman pod the kubelet runs. */
  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    if (claimVolumes != null) {
      claimVolumes.close();
    }
    monitor.shutdownNow();
    for (Worker w : workers.values()) {
      w.thread().shutdownNow();
    }
    workers.clear();
    try {
      removeLeftovers();
    } catch (IOException e) {
      LOG.warn("cleanup after the sandbox: {}", e.getMessage());
    }
    blocking.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
