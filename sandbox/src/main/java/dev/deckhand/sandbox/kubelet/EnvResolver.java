package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's environment as {@code NAME=value} pairs, with secrets and fields resolved. */
final class EnvResolver {
  private final KubernetesClient client;

  EnvResolver(KubernetesClient client) {
    this.client = client;
  }

  List<String> resolve(Pod pod, Container c) throws IOException {
    String ns = pod.getMetadata().getNamespace();
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : c.getEnvFrom()) {
      String prefix = from.getPrefix() == null ? "" : from.getPrefix();
      if (from.getSecretRef() != null) {
        secretData(ns, from.getSecretRef().getName(), from.getSecretRef().getOptional())
            .forEach((k, v) -> env.put(prefix + k, v));
      }
      if (from.getConfigMapRef() != null) {
        ConfigMap cm =
            client.configMaps().inNamespace(ns).withName(from.getConfigMapRef().getName()).get();
        if (cm == null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
          throw new IOException("configmap \"" + from.getConfigMapRef().getName() + "\" not found");
        }
        if (cm != null && cm.getData() != null) {
          cm.getData().forEach((k, v) -> env.put(prefix + k, v));
        }
      }
    }
    for (EnvVar var : c.getEnv()) {
      env.put(var.getName(), value(pod, var));
    }
    List<String> out = new ArrayList<>();
    env.forEach((k, v) -> out.add(k + "=" + (v == null ? "" : v)));
    return out;
  }

  private String value(Pod pod, EnvVar var) throws IOException {
    if (var.getValueFrom() == null) {
      return var.getValue();
    }
    String ns = pod.getMetadata().getNamespace();
    var from = var.getValueFrom();
    if (from.getSecretKeyRef() != null) {
      return secretData(ns, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getOptional())
          .get(from.getSecretKeyRef().getKey());
    }
    if (from.getConfigMapKeyRef() != null) {
      ConfigMap cm =
          client.configMaps().inNamespace(ns).withName(from.getConfigMapKeyRef().getName()).get();
      if (cm == null) {
        throw new IOException(
            "configmap \"" + from.getConfigMapKeyRef().getName() + "\" not found");
      }
      return cm.getData() == null ? null : cm.getData().get(from.getConfigMapKeyRef().getKey());
    }
    if (from.getFieldRef() != null) {
      return switch (from.getFieldRef().getFieldPath()) {
        case "metadata.name" -> pod.getMetadata().getName();
        case "metadata.namespace" -> ns;
        case "metadata.uid" -> pod.getMetadata().getUid();
        case "status.podIP", "status.hostIP" -> "127.0.0.1";
        case "spec.nodeName" -> pod.getSpec().getNodeName();
        default -> "";
      };
    }
    return "";
  }

  private Map<String, String> secretData(String ns, String name, Boolean optional)
      throws IOException {
    Secret s = client.secrets().inNamespace(ns).withName(name).get();
    Map<String, String> out = new LinkedHashMap<>();
    if (s == null) {
      if (Boolean.TRUE.equals(optional)) {
        return out;
      }
      throw new IOException("secret \"" + name + "\" not found");
    }
    if (s.getData() != null) {
      s.getData()
          .forEach(
              (k, v) ->
                  out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (s.getStringData() != null) {
      out.putAll(s.getStringData());
    }
    return out;
  }
}
