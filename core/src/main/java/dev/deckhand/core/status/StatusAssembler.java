package dev.deckhand.core.status;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import dev.deckhand.core.manifest.WorkloadKind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.Route;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a {@link ComponentStatus} from fabric8 objects. Pure: no I/O, no clock, so that the same
 * objects always give an equal snapshot (the watcher relies on that to skip unchanged ones).
 */
final class StatusAssembler {
  /** Where the sandbox (and anyone else) writes the URL a Service, Ingress or Route answers at. */
  static final String URL_ANNOTATION = "deckhand.dev/url";

  static final int MAX_WARNINGS = 10;

  private static final Set<String> PULL_REASONS =
      Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull");
  private static final String CRASH_LOOP = "CrashLoopBackOff";

  private StatusAssembler() {}

  /** A snapshot that says nothing is known yet (the first list has not succeeded). */
  static ComponentStatus unknown(ComponentNames names, String namespace, Connection connection) {
    String why = connection.reason() == null ? "not read yet" : connection.reason();
    return new ComponentStatus(
        names.component(),
        names.application(),
        namespace,
        names.name(),
        null,
        null,
        List.of(),
        List.of(),
        null,
        List.of(),
        connection,
        new Health(HealthState.UNKNOWN, "status unknown: " + why));
  }

  static ComponentStatus build(
      ComponentNames names, String namespace, ClusterObjects objects, Connection connection) {
    String name = names.name();
    WorkloadView workload = workload(name, objects);

    List<Pod> pods =
        objects.pods().stream()
            .filter(p -> name.equals(label(p, OdoLabels.POD_SELECTOR)))
            .sorted(NEWEST_FIRST)
            .toList();
    Pod current =
        pods.stream()
            .filter(p -> !terminating(p))
            .findFirst()
            .orElse(pods.isEmpty() ? null : pods.get(0));
    Set<String> podNames =
        pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());

    List<PersistentVolumeClaim> claims =
        objects.claims().stream()
            .filter(c -> c.getMetadata().getName().equals(names.s2iDataPvc()) || ours(c, names))
            .sorted(
                Comparator.comparing(
                        (PersistentVolumeClaim c) ->
                            !c.getMetadata().getName().equals(names.s2iDataPvc()))
                    .thenComparing(c -> c.getMetadata().getName()))
            .toList();
    Set<String> claimNames =
        claims.stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet());

    List<Event> events =
        objects.events().stream()
            .filter(e -> relevant(e, name, podNames, claimNames))
            .sorted(
                Comparator.comparing(
                        StatusAssembler::eventTime,
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                    .reversed())
            .toList();

    List<VolumeClaimView> volumes = claims.stream().map(c -> claim(c, events)).toList();
    List<WarningEvent> warnings =
        events.stream()
            .filter(e -> "Warning".equals(e.getType()))
            .limit(MAX_WARNINGS)
            .map(StatusAssembler::warning)
            .toList();

    PodStatusView pod = current == null ? null : pod(current);
    List<PodStatusView> others =
        pods.stream().filter(p -> p != current).map(StatusAssembler::pod).toList();
    String url = url(names, objects);
    Health health = health(names, namespace, workload, pod, volumes, url);
    return new ComponentStatus(
        names.component(),
        names.application(),
        namespace,
        name,
        workload,
        pod,
        others,
        volumes,
        url,
        warnings,
        connection,
        health);
  }

  // --- workload -------------------------------------------------------------------------------

  private static WorkloadView workload(String name, ClusterObjects objects) {
    for (Deployment d : objects.deployments()) {
      if (name.equals(d.getMetadata().getName())) {
        int desired =
            d.getSpec() == null || d.getSpec().getReplicas() == null
                ? 1
                : d.getSpec().getReplicas();
        int ready =
            d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                ? 0
                : d.getStatus().getReadyReplicas();
        return new WorkloadView(WorkloadKind.DEPLOYMENT, name, ready, desired, appMark(d));
      }
    }
    for (DeploymentConfig dc : objects.deploymentConfigs()) {
      if (name.equals(dc.getMetadata().getName())) {
        int desired =
            dc.getSpec() == null || dc.getSpec().getReplicas() == null
                ? 1
                : dc.getSpec().getReplicas();
        int ready =
            dc.getStatus() == null || dc.getStatus().getReadyReplicas() == null
                ? 0
                : dc.getStatus().getReadyReplicas();
        return new WorkloadView(WorkloadKind.DEPLOYMENT_CONFIG, name, ready, desired, appMark(dc));
      }
    }
    return null;
  }

  private static AppMark appMark(HasMetadata workload) {
    return AppMark.parse(annotation(workload, AppMark.ANNOTATION));
  }

  // --- pods -----------------------------------------------------------------------------------

  private static final Comparator<Pod> NEWEST_FIRST =
      Comparator.comparing(
              (Pod p) -> time(p.getMetadata().getCreationTimestamp()),
              Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
          .reversed()
          .thenComparing(p -> p.getMetadata().getName());

  private static boolean terminating(Pod p) {
    return p.getMetadata().getDeletionTimestamp() != null;
  }

  static PodStatusView pod(Pod p) {
    var status = p.getStatus();
    List<ContainerStatus> initStatuses =
        status == null ? List.of() : nonNull(status.getInitContainerStatuses());
    List<ContainerStatus> appStatuses =
        status == null ? List.of() : nonNull(status.getContainerStatuses());
    List<Container> initSpecs =
        p.getSpec() == null ? List.of() : nonNull(p.getSpec().getInitContainers());
    List<Container> appSpecs =
        p.getSpec() == null ? List.of() : nonNull(p.getSpec().getContainers());
    List<PodCondition> conditions = status == null ? List.of() : nonNull(status.getConditions());
    String summary =
        conditions.stream()
            .map(
                c ->
                    c.getType()
                        + "="
                        + c.getStatus()
                        + (c.getReason() == null || "True".equals(c.getStatus())
                            ? ""
                            : " (" + c.getReason() + ")"))
            .collect(Collectors.joining(", "));
    String conditionMessage =
        conditions.stream()
            .filter(
                c ->
                    !"True".equals(c.getStatus())
                        && c.getMessage() != null
                        && !c.getMessage().isBlank())
            .map(PodCondition::getMessage)
            .findFirst()
            .orElse(null);
    return new PodStatusView(
        p.getMetadata().getName(),
        p.getMetadata().getUid(),
        status == null || status.getPhase() == null ? "Pending" : status.getPhase(),
        p.getSpec() == null ? null : p.getSpec().getNodeName(),
        status == null ? null : time(status.getStartTime()),
        terminating(p),
        summary,
        conditionMessage,
        containers(initSpecs, initStatuses, true),
        containers(appSpecs, appStatuses, false));
  }

  private static List<ContainerView> containers(
      List<Container> specs, List<ContainerStatus> statuses, boolean init) {
    Map<String, ContainerStatus> byName =
        statuses.stream()
            .collect(Collectors.toMap(ContainerStatus::getName, Function.identity(), (a, b) -> a));
    List<ContainerView> views = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Container spec : specs) {
      seen.add(spec.getName());
      views.add(container(spec.getName(), spec.getImage(), byName.get(spec.getName()), init));
    }
    for (ContainerStatus s : statuses) {
      if (!seen.contains(s.getName())) {
        views.add(container(s.getName(), s.getImage(), s, init));
      }
    }
    return views;
  }

  static ContainerView container(String name, String specImage, ContainerStatus s, boolean init) {
    if (s == null) {
      return new ContainerView(
          name,
          init,
          specImage,
          ContainerState.UNKNOWN,
          null,
          null,
          null,
          null,
          null,
          0,
          false,
          null,
          null,
          null);
    }
    String image = specImage != null ? specImage : s.getImage();
    int restarts = s.getRestartCount() == null ? 0 : s.getRestartCount();
    boolean ready = Boolean.TRUE.equals(s.getReady());
    Integer lastExit = null;
    String lastReason = null;
    if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
      lastExit = s.getLastState().getTerminated().getExitCode();
      lastReason = s.getLastState().getTerminated().getReason();
    }
    var st = s.getState();
    ContainerState state = ContainerState.UNKNOWN;
    String reason = null;
    String message = null;
    Integer exit = null;
    Instant started = null;
    Instant finished = null;
    if (st != null && st.getRunning() != null) {
      state = ContainerState.RUNNING;
      started = time(st.getRunning().getStartedAt());
    } else if (st != null && st.getTerminated() != null) {
      ContainerStateTerminated t = st.getTerminated();
      state = ContainerState.TERMINATED;
      reason = t.getReason();
      message = t.getMessage();
      exit = t.getExitCode();
      started = time(t.getStartedAt());
      finished = time(t.getFinishedAt());
    } else if (st != null && st.getWaiting() != null) {
      ContainerStateWaiting w = st.getWaiting();
      state = ContainerState.WAITING;
      reason = w.getReason();
      message = w.getMessage();
    }
    return new ContainerView(
        name,
        init,
        image,
        state,
        reason,
        message,
        exit,
        started,
        finished,
        restarts,
        ready,
        s.getContainerID(),
        lastExit,
        lastReason);
  }

  // --- claims and events ----------------------------------------------------------------------

  private static boolean ours(HasMetadata o, ComponentNames names) {
    return names.component().equals(label(o, OdoLabels.INSTANCE))
        && names.application().equals(label(o, OdoLabels.PART_OF));
  }

  private static VolumeClaimView claim(PersistentVolumeClaim c, List<Event> newestFirst) {
    String phase =
        c.getStatus() == null || c.getStatus().getPhase() == null
            ? "Pending"
            : c.getStatus().getPhase();
    String storageClass = c.getSpec() == null ? null : c.getSpec().getStorageClassName();
    String reason = null;
    if (!"Bound".equals(phase)) {
      reason =
          newestFirst.stream()
              .filter(e -> involves(e, "PersistentVolumeClaim", c.getMetadata().getName()))
              .findFirst()
              .map(
                  e ->
                      e.getReason() == null
                          ? e.getMessage()
                          : e.getReason() + ": " + e.getMessage())
              .orElse(null);
    }
    return new VolumeClaimView(c.getMetadata().getName(), phase, storageClass, reason);
  }

  private static boolean involves(Event e, String kind, String name) {
    return e.getInvolvedObject() != null
        && kind.equals(e.getInvolvedObject().getKind())
        && name.equals(e.getInvolvedObject().getName());
  }

  private static boolean relevant(Event e, String name, Set<String> pods, Set<String> claims) {
    if (e.getInvolvedObject() == null || e.getInvolvedObject().getName() == null) {
      return false;
    }
    String kind = Objects.toString(e.getInvolvedObject().getKind(), "");
    String involved = e.getInvolvedObject().getName();
    return switch (kind) {
      case "Pod" -> pods.contains(involved);
      case "PersistentVolumeClaim" -> claims.contains(involved);
      case "ReplicaSet", "ReplicationController" -> involved.startsWith(name + "-");
      default -> involved.equals(name);
    };
  }

  private static WarningEvent warning(Event e) {
    int count =
        e.getCount() != null
            ? e.getCount()
            : e.getSeries() != null && e.getSeries().getCount() != null
                ? e.getSeries().getCount()
                : 1;
    return new WarningEvent(
        e.getReason(),
        e.getMessage(),
        count,
        eventTime(e),
        e.getInvolvedObject().getKind(),
        e.getInvolvedObject().getName());
  }

  static Instant eventTime(Event e) {
    Instant t = time(e.getLastTimestamp());
    if (t == null && e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
      t = time(e.getSeries().getLastObservedTime().getTime());
    }
    if (t == null && e.getEventTime() != null) {
      t = time(e.getEventTime().getTime());
    }
    if (t == null) {
      t = time(e.getFirstTimestamp());
    }
    if (t == null && e.getMetadata() != null) {
      t = time(e.getMetadata().getCreationTimestamp());
    }
    return t;
  }

  // --- URL ------------------------------------------------------------------------------------

  static String url(ComponentNames names, ClusterObjects objects) {
    List<Route> routes =
        objects.routes().stream().filter(r -> ours(r, names)).sorted(BY_NAME).toList();
    List<Ingress> ingresses =
        objects.ingresses().stream().filter(i -> ours(i, names)).sorted(BY_NAME).toList();
    List<Service> services =
        objects.services().stream()
            .filter(s -> ours(s, names) || names.name().equals(s.getMetadata().getName()))
            .sorted(BY_NAME)
            .toList();
    for (List<? extends HasMetadata> group : List.of(routes, ingresses, services)) {
      for (HasMetadata o : group) {
        String annotated = annotation(o, URL_ANNOTATION);
        if (annotated != null && !annotated.isBlank()) {
          return annotated;
        }
      }
    }
    for (Route r : routes) {
      if (r.getSpec() != null
          && r.getSpec().getHost() != null
          && !r.getSpec().getHost().isBlank()) {
        String scheme = r.getSpec().getTls() != null ? "https" : "http";
        String path = r.getSpec().getPath() == null ? "" : r.getSpec().getPath();
        return scheme + "://" + r.getSpec().getHost() + path;
      }
    }
    for (Ingress i : ingresses) {
      if (i.getSpec() == null) {
        continue;
      }
      for (IngressRule rule : nonNull(i.getSpec().getRules())) {
        if (rule.getHost() != null && !rule.getHost().isBlank()) {
          boolean tls =
              nonNull(i.getSpec().getTls()).stream()
                  .map(IngressTLS::getHosts)
                  .filter(Objects::nonNull)
                  .anyMatch(h -> h.contains(rule.getHost()));
          return (tls ? "https" : "http") + "://" + rule.getHost();
        }
      }
    }
    return null;
  }

  private static final Comparator<HasMetadata> BY_NAME =
      Comparator.comparing(o -> o.getMetadata().getName());

  // --- health ---------------------------------------------------------------------------------

  static Health health(
      ComponentNames names,
      String namespace,
      WorkloadView workload,
      PodStatusView pod,
      List<VolumeClaimView> volumes,
      String url) {
    if (workload == null && pod == null) {
      return new Health(
          HealthState.NOT_CREATED,
          "component "
              + names.name()
              + " not found in namespace "
              + namespace
              + "; run deckhand push");
    }
    if (pod != null && "Failed".equals(pod.phase())) {
      return new Health(
          HealthState.FAILED, "pod " + pod.name() + " failed" + suffix(pod.conditionMessage()));
    }
    for (VolumeClaimView v : volumes) {
      if (!v.bound()) {
        String why = v.reason() != null ? v.reason() : "waiting for a volume";
        return new Health(HealthState.STARTING, "PVC " + v.name() + " " + v.phase() + ": " + why);
      }
    }
    if (pod == null) {
      if (workload.desiredReplicas() == 0) {
        return new Health(HealthState.STARTING, workload.name() + " is scaled to 0 replicas");
      }
      return new Health(HealthState.STARTING, "waiting for a pod of " + workload.name());
    }
    if (pod.terminating()) {
      return new Health(HealthState.STARTING, "pod " + pod.name() + " is terminating");
    }
    if (pod.node() == null && pod.conditionMessage() != null) {
      return new Health(
          HealthState.STARTING, "pod " + pod.name() + " not scheduled: " + pod.conditionMessage());
    }
    for (ContainerView c : pod.initContainers()) {
      if (c.state() == ContainerState.TERMINATED && Integer.valueOf(0).equals(c.exitCode())) {
        continue;
      }
      Health h = containerHealth(c, "init container ");
      if (h != null) {
        return h;
      }
    }
    ContainerView notRunning = null;
    for (ContainerView c : pod.containers()) {
      Health h = containerHealth(c, "");
      if (h != null) {
        return h;
      }
      if (!c.ready() && notRunning == null) {
        notRunning = c;
      }
    }
    if (pod.containers().isEmpty()) {
      return new Health(HealthState.STARTING, "pod " + pod.name() + " " + pod.phase());
    }
    if (notRunning != null) {
      return new Health(HealthState.STARTING, notRunning.name() + " running, not ready yet");
    }
    ContainerView app = pod.containers().get(0);
    AppMark mark = workload == null ? null : workload.app();
    if (mark == AppMark.NOT_STARTED) {
      return new Health(
          HealthState.APP_NOT_RUNNING,
          "container up, app not started: the first push stopped before assemble-and-restart;"
              + " push again");
    }
    if (mark == AppMark.DOWN) {
      return new Health(
          HealthState.APP_NOT_RUNNING,
          // Left down by a failed assemble-and-restart, or by an app that exits at start after one
          // that succeeded: the last push's own line said which.
          "container up, app not running after the last push; see deckhand logs, fix it and push");
    }
    StringBuilder text = new StringBuilder("running");
    if (url != null) {
      text.append(" at ").append(url);
    }
    if (app.restartCount() > 0) {
      text.append(" (")
          .append(app.restartCount())
          .append(app.restartCount() == 1 ? " restart)" : " restarts)");
    }
    return new Health(HealthState.RUNNING, text.toString());
  }

  /** Health a container imposes on the component, or null when it is running. */
  private static Health containerHealth(ContainerView c, String prefix) {
    String who = prefix + c.name();
    switch (c.state()) {
      case RUNNING:
        return c.init() ? new Health(HealthState.STARTING, who + " running") : null;
      case UNKNOWN:
        return new Health(HealthState.STARTING, "waiting for " + who + " to start");
      case WAITING:
        if (CRASH_LOOP.equals(c.reason())) {
          return new Health(HealthState.CRASH_LOOP, c.name() + ": " + CRASH_LOOP + lastRun(c));
        }
        if (c.reason() != null && PULL_REASONS.contains(c.reason())) {
          return new Health(
              HealthState.STARTING, c.name() + ": " + c.reason() + " (image " + c.image() + ")");
        }
        if (c.reason() != null && c.reason().startsWith("CreateContainer")) {
          return new Health(HealthState.FAILED, c.name() + ": " + c.reason() + suffix(c.message()));
        }
        return new Health(
            HealthState.STARTING,
            c.reason() == null ? "waiting for " + who : c.name() + ": " + c.reason());
      case TERMINATED:
      default:
        String exit =
            c.name()
                + " exited with code "
                + c.exitCode()
                + (c.reason() == null ? "" : " (" + c.reason() + ")");
        return c.restartCount() > 0
            ? new Health(HealthState.CRASH_LOOP, exit + ", " + restarts(c.restartCount()))
            : new Health(HealthState.FAILED, exit);
    }
  }

  private static String lastRun(ContainerView c) {
    List<String> parts = new ArrayList<>();
    if (c.lastExitCode() != null) {
      parts.add("last exit code " + c.lastExitCode());
    }
    parts.add(restarts(c.restartCount()));
    return " (" + String.join(", ", parts) + ")";
  }

  private static String restarts(int n) {
    return n + (n == 1 ? " restart" : " restarts");
  }

  private static String suffix(String message) {
    return message == null || message.isBlank() ? "" : ": " + oneLine(message);
  }

  static String oneLine(String s) {
    return s == null ? null : s.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  // --- helpers --------------------------------------------------------------------------------

  private static String label(HasMetadata o, String key) {
    ObjectMeta m = o.getMetadata();
    return m == null || m.getLabels() == null ? null : m.getLabels().get(key);
  }

  private static String annotation(HasMetadata o, String key) {
    ObjectMeta m = o.getMetadata();
    return m == null || m.getAnnotations() == null ? null : m.getAnnotations().get(key);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** An RFC 3339 time as the API writes it, or null when absent or unreadable. */
  static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
