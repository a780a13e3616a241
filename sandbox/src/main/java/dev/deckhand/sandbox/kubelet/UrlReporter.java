package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.client.OpenShiftClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tells users where a component answers. The sandbox publishes container ports on 127.0.0.1, so the
 * URL of a Service, Ingress or Route is {@code http://127.0.0.1:<host port>}; it is written as the
 * annotation {@value #ANNOTATION} on all three, and on Routes also as {@code spec.host}/{@code
 * status.ingress[0].host} ({@code 127.0.0.1:<port>}) since that is where OpenShift clients look.
 */
final class UrlReporter {
  static final String ANNOTATION = "deckhand.dev/url";

  private final KubernetesClient client;
  private final Kubelet kubelet;
  private final boolean openshift;

  UrlReporter(KubernetesClient client, Kubelet kubelet) {
    this.client = client;
    this.kubelet = kubelet;
    this.openshift = client.supports(DeploymentConfig.class);
  }

  void report() {
    Map<String, String> urlByService = new HashMap<>();
    for (Service svc : client.services().inAnyNamespace().list().getItems()) {
      String url = urlOf(svc);
      String key = svc.getMetadata().getNamespace() + "/" + svc.getMetadata().getName();
      if (url != null) {
        urlByService.put(key, url);
      }
      annotate(svc, url);
    }
    for (Ingress ing : client.network().v1().ingresses().inAnyNamespace().list().getItems()) {
      String svc = backendService(ing);
      annotate(
          ing, svc == null ? null : urlByService.get(ing.getMetadata().getNamespace() + "/" + svc));
    }
    if (openshift) {
      OpenShiftClient os = client.adapt(OpenShiftClient.class);
      for (Route route : os.routes().inAnyNamespace().list().getItems()) {
        String url =
            urlByService.get(
                route.getMetadata().getNamespace() + "/" + route.getSpec().getTo().getName());
        reportRoute(os, route, url);
      }
    }
  }

  private String urlOf(Service svc) {
    Map<String, String> selector = svc.getSpec().getSelector();
    if (selector == null || selector.isEmpty() || svc.getSpec().getPorts().isEmpty()) {
      return null;
    }
    List<Pod> pods =
        client
            .pods()
            .inNamespace(svc.getMetadata().getNamespace())
            .withLabels(selector)
            .list()
            .getItems();
    ServicePort port = svc.getSpec().getPorts().get(0);
    IntOrString target = port.getTargetPort();
    int containerPort =
        target != null && target.getIntVal() != null ? target.getIntVal() : port.getPort();
    for (Pod pod : pods) {
      if (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())) {
        Integer host = kubelet.hostPort(pod, containerPort);
        if (host != null) {
          return "http://127.0.0.1:" + host;
        }
      }
    }
    return null;
  }

  private static String backendService(Ingress ing) {
    IngressBackend backend = ing.getSpec().getDefaultBackend();
    if (backend == null) {
      for (IngressRule rule : ing.getSpec().getRules()) {
        if (rule.getHttp() != null && !rule.getHttp().getPaths().isEmpty()) {
          backend = rule.getHttp().getPaths().get(0).getBackend();
          break;
        }
      }
    }
    return backend == null || backend.getService() == null ? null : backend.getService().getName();
  }

  private <T extends HasMetadata> void annotate(T object, String url) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String current = annotations == null ? null : annotations.get(ANNOTATION);
    if (Objects.equals(current, url)) {
      return;
    }
    try {
      client
          .resource(object)
          .edit(
              o -> {
                if (o.getMetadata().getAnnotations() == null) {
                  o.getMetadata().setAnnotations(new HashMap<>());
                }
                if (url == null) {
                  o.getMetadata().getAnnotations().remove(ANNOTATION);
                } else {
                  o.getMetadata().getAnnotations().put(ANNOTATION, url);
                }
                return o;
              });
    } catch (KubernetesClientException e) {
      // Changed or deleted meanwhile: the next round reports it.
    }
  }

  private void reportRoute(OpenShiftClient os, Route route, String url) {
    annotate(route, url);
    if (url == null) {
      return;
    }
    String host = url.substring("http://".length());
    boolean hasStatus =
        route.getStatus() != null
            && !route.getStatus().getIngress().isEmpty()
            && host.equals(route.getStatus().getIngress().get(0).getHost());
    if (hasStatus) {
      return;
    }
    try {
      os.routes()
          .inNamespace(route.getMetadata().getNamespace())
          .withName(route.getMetadata().getName())
          .editStatus(
              r -> {
                r.setStatus(
                    new io.fabric8.openshift.api.model.RouteStatusBuilder()
                        .addNewIngress()
                        .withHost(host)
                        .withRouterName("deckhand-sandbox")
                        .endIngress()
                        .build());
                return r;
              });
    } catch (KubernetesClientException e) {
      // next round
    }
  }
}
