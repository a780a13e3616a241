package dev.deckhand.sandbox.controller;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.openshift.api.model.DeploymentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's controller manager: Deployments, DeploymentConfigs (when the API serves them), PVC
 * binding and garbage collection, all namespaces, against the sandbox API through {@code client}.
 * With the OpenShift flavour it also seeds the builder image streams.
 *
 * <p>The controllers are level-based: each reconciles from what the API holds now, so starting them
 * again against existing objects adopts those objects and creates nothing twice.
 */
public final class Controllers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Controllers.class);
  private static final long SYNC_TIMEOUT_SECONDS = 30;

  private final List<AutoCloseable> running = new ArrayList<>();

  private Controllers() {}

  /**
   * Starts every controller and returns once their informers have listed what exists.
   *
   * @param client a client of the sandbox API; the caller keeps it and closes it after {@link
   *     #close()}
   */
  public static Controllers start(KubernetesClient client, ControllerOptions options) {
    Controllers controllers = new Controllers();
    try {
      controllers.startAll(client, options);
    } catch (RuntimeException e) {
      controllers.close();
      throw e;
    }
    return controllers;
  }

  private void startAll(KubernetesClient client, ControllerOptions options) {
    boolean openShift = client.supports(DeploymentConfig.class);
    if (openShift) {
      OpenShiftSeed.apply(client);
    }
    List<SharedIndexInformer<?>> informers = new ArrayList<>();

    GarbageCollector gc = new GarbageCollector(client, openShift, options);
    running.add(gc);
    informers.addAll(gc.informers());

    DeploymentController deployments =
        new DeploymentController(
            client, new EventRecorder(client, "deployment-controller"), options);
    running.add(deployments);
    informers.addAll(deployments.informers());

    if (openShift) {
      DeploymentConfigController configs =
          new DeploymentConfigController(
              client, new EventRecorder(client, "deploymentconfig-controller"), options);
      running.add(configs);
      informers.addAll(configs.informers());
    }

    PvcBinder binder =
        new PvcBinder(client, new EventRecorder(client, "persistentvolume-controller"), options);
    running.add(binder);
    informers.addAll(binder.informers());

    CompletableFuture<?>[] started =
        informers.stream()
            .map(i -> i.start().toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(started).get(SYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the controllers", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the controllers' informers did not sync: " + e, e);
    }
    LOG.info(
        "sandbox controllers started ({} informers, openshift={})", informers.size(), openShift);
  }

  /** Stops every controller; objects stay as they are. */
  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping a controller failed: {}", e.toString());
      }
    }
    running.clear();
  }
}
