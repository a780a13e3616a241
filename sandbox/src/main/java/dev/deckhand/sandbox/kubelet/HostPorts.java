package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host ports on 127.0.0.1 for container ports. A port is kept per owner (the Deployment or DC) and
 * container port, so a rollout's new pod answers at the same URL as the old one.
 */
final class HostPorts {
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();

  int portFor(Pod pod, int containerPort, String protocol) {
    return ports.computeIfAbsent(
        ownerKey(pod) + "/" + containerPort + "/" + protocol, k -> freePort());
  }

  /** The host port already given to this pod's owner for a container port, if any. */
  Integer existing(Pod pod, int containerPort, String protocol) {
    return ports.get(ownerKey(pod) + "/" + containerPort + "/" + protocol);
  }

  private static String ownerKey(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    for (OwnerReference ref : pod.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) {
        return ns + "/" + ref.getKind() + "/" + ref.getName();
      }
    }
    return ns + "/Pod/" + pod.getMetadata().getName();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
