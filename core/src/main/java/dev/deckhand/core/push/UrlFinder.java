package dev.deckhand.core.push;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.client.OpenShiftClient;
import java.util.Map;

/**
 * Where the component answers: the sandbox's {@code deckhand.dev/url} annotation, else a Route's
 * host, else an Ingress host.
 */
public final class UrlFinder {
  public static final String SANDBOX_URL_ANNOTATION = "deckhand.dev/url";

  private UrlFinder() {}

  public static String find(KubernetesClient client, String namespace, String service) {
    var svc = client.services().inNamespace(namespace).withName(service).get();
    String fromSvc = annotation(svc);
    if (fromSvc != null) {
      return fromSvc;
    }
    if (client.supports(Route.class)) {
      for (Route r :
          client.adapt(OpenShiftClient.class).routes().inNamespace(namespace).list().getItems()) {
        if (r.getSpec() != null
            && r.getSpec().getTo() != null
            && service.equals(r.getSpec().getTo().getName())) {
          String a = annotation(r);
          if (a != null) {
            return a;
          }
          if (r.getSpec().getHost() != null && !r.getSpec().getHost().isBlank()) {
            return (r.getSpec().getTls() != null ? "https://" : "http://") + r.getSpec().getHost();
          }
        }
      }
    }
    for (Ingress i : client.network().v1().ingresses().inNamespace(namespace).list().getItems()) {
      if (!routesTo(i, service)) {
        continue; // another component's Ingress
      }
      String a = annotation(i);
      if (a != null) {
        return a;
      }
      if (!i.getSpec().getRules().isEmpty() && i.getSpec().getRules().get(0).getHost() != null) {
        return "http://" + i.getSpec().getRules().get(0).getHost();
      }
    }
    return null;
  }

  private static boolean routesTo(Ingress ingress, String service) {
    return ingress.getSpec() != null
        && ingress.getSpec().getRules().stream()
            .filter(r -> r.getHttp() != null)
            .flatMap(r -> r.getHttp().getPaths().stream())
            .anyMatch(
                p ->
                    p.getBackend() != null
                        && p.getBackend().getService() != null
                        && service.equals(p.getBackend().getService().getName()));
  }

  private static String annotation(HasMetadata o) {
    if (o == null) {
      return null;
    }
    Map<String, String> a = o.getMetadata().getAnnotations();
    return a == null ? null : a.get(SANDBOX_URL_ANNOTATION);
  }
}
