package dev.deckhand.core.status;

import java.util.List;
import java.util.Objects;

/**
 * What a component looks like on the cluster at one moment: an immutable snapshot, free of fabric8
 * types, that a GUI may keep and compare ({@code equals} is by value).
 *
 * <p>As JSON ({@link ComponentStatusJson}, {@code deckhand status -o json}) it is one object with
 * these fields; timestamps are ISO-8601 strings, absent values are {@code null}:
 *
 * <ul>
 *   <li>{@code component}, {@code application}, {@code namespace}, {@code name} ({@code
 *       <component>-<app>}, the name of the workload, Service and pod label);
 *   <li>{@code workload}: {@code {kind: DEPLOYMENT|DEPLOYMENT_CONFIG, name, readyReplicas,
 *       desiredReplicas, app: NOT_STARTED|STARTED|DOWN|null}} or {@code null}, {@code app} being
 *       what Deckhand's last push left the app process doing ({@link AppMark});
 *   <li>{@code pod}: the current pod (the newest that is not being deleted, else the newest) or
 *       {@code null}: {@code {name, uid, phase, node, startTime, terminating, conditions,
 *       conditionMessage, initContainers: [...], containers: [...]}}; each container is {@code
 *       {name, init, image, state: WAITING|RUNNING|TERMINATED|UNKNOWN, reason, message, exitCode,
 *       startedAt, finishedAt, restartCount, ready, containerId, lastExitCode, lastReason}};
 *   <li>{@code otherPods}: the other pods with the component's label (old ones being replaced),
 *       same shape;
 *   <li>{@code volumes}: the claims, {@code [{name, phase: Pending|Bound|Lost, storageClass,
 *       reason}]}, {@code reason} being why a claim is still pending;
 *   <li>{@code url}: where the app answers, or {@code null};
 *   <li>{@code warnings}: recent Warning events, newest first, {@code [{reason, message, count,
 *       lastTimestamp, involvedKind, involvedName}]};
 *   <li>{@code connection}: {@code {state: CONNECTED|RECONNECTING|DISCONNECTED, reason}};
 *   <li>{@code health}: {@code {state:
 *       NOT_CREATED|STARTING|RUNNING|APP_NOT_RUNNING|CRASH_LOOP|FAILED|UNKNOWN, text}}, {@code
 *       text} being one line for a person.
 * </ul>
 *
 * @param component component name from the config
 * @param application application name
 * @param namespace namespace read or watched
 * @param name object name, {@code <component>-<app>}
 * @param workload the Deployment or DeploymentConfig, or {@code null} when there is none
 * @param pod the current pod, or {@code null}
 * @param otherPods other pods of the component (being replaced or deleted)
 * @param volumes the component's claims
 * @param url where the app answers, or {@code null}
 * @param warnings recent warning events, newest first
 * @param connection whether this snapshot is live
 * @param health summary and one line of text
 */
public record ComponentStatus(
    String component,
    String application,
    String namespace,
    String name,
    WorkloadView workload,
    PodStatusView pod,
    List<PodStatusView> otherPods,
    List<VolumeClaimView> volumes,
    String url,
    List<WarningEvent> warnings,
    Connection connection,
    Health health) {
  public ComponentStatus {
    otherPods = List.copyOf(otherPods);
    volumes = List.copyOf(volumes);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(health, "health");
  }

  /** Whether anything of the component exists on the cluster (its workload or a pod). */
  public boolean exists() {
    return workload != null || pod != null;
  }

  /** The same snapshot with another connection. */
  public ComponentStatus withConnection(Connection newConnection) {
    return new ComponentStatus(
        component,
        application,
        namespace,
        name,
        workload,
        pod,
        otherPods,
        volumes,
        url,
        warnings,
        newConnection,
        health);
  }
}
