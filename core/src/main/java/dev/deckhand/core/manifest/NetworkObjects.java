package dev.deckhand.core.manifest;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.config.PortSpec;
import dev.deckhand.core.config.UrlSetting;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.RouteBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a component is reached: its Service, one Secret per port (for linking), and a Route
 * (OpenShift) or Ingress (elsewhere) per URL.
 */
final class NetworkObjects {
  private final ManifestContext ctx;

  NetworkObjects(ManifestContext ctx) {
    this.ctx = ctx;
  }

  /** The Service in front of the pod, or null when the component has no ports. */
  Service service() {
    if (ctx.ports().isEmpty()) {
      return null;
    }
    String name = ctx.names().name();
    List<ServicePort> ports =
        ctx.ports().stream()
            .map(
                p ->
                    new ServicePortBuilder()
                        .withName(p.portName())
                        .withPort(p.port())
                        .withProtocol(p.protocol())
                        .withTargetPort(new IntOrString(p.port()))
                        .build())
            .toList();
    return new ServiceBuilder()
        .withMetadata(ctx.meta(name, true))
        .withNewSpec()
        .withPorts(ports)
        .withSelector(Map.of(OdoLabels.POD_SELECTOR, name))
        .endSpec()
        .build();
  }

  /** One Secret per distinct port number, in the order of Ports. */
  List<Secret> secrets() {
    List<Secret> secrets = new ArrayList<>();
    Set<Integer> secretPorts = new HashSet<>();
    for (PortSpec p : ctx.ports()) {
      if (secretPorts.add(p.port())) {
        secrets.add(secret(p.port()));
      }
    }
    return secrets;
  }

  /** A Route per URL on OpenShift; empty elsewhere. */
  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    if (ctx.platform() == Platform.OPENSHIFT) {
      for (UrlSetting url : ctx.settings().urlsOrEmpty()) {
        routes.add(route(url));
      }
    }
    return routes;
  }

  /** An Ingress per URL off OpenShift; empty on OpenShift. */
  List<Ingress> ingresses() {
    List<Ingress> ingresses = new ArrayList<>();
    if (ctx.platform() != Platform.OPENSHIFT) {
      for (UrlSetting url : ctx.settings().urlsOrEmpty()) {
        ingresses.add(ingress(url));
      }
    }
    return ingresses;
  }

  private Secret secret(int port) {
    ObjectMeta meta = ctx.meta(ctx.names().secret(port), true);
    meta.getAnnotations().put(OdoLabels.COMPONENT_PORT, Integer.toString(port));
    String key = "COMPONENT_" + ctx.settings().name.toUpperCase(Locale.ROOT).replace('-', '_');
    Map<String, String> data = new LinkedHashMap<>();
    data.put(key + "_HOST", ctx.names().name());
    data.put(key + "_PORT", Integer.toString(port));
    return new SecretBuilder().withMetadata(meta).withType("Opaque").withStringData(data).build();
  }

  private ObjectMeta urlMeta(UrlSetting url) {
    ObjectMeta meta = ctx.meta(ctx.names().route(url.name()), true);
    meta.getLabels().put(OdoLabels.URL_NAME, url.name());
    return meta;
  }

  private Route route(UrlSetting url) {
    RouteBuilder b =
        new RouteBuilder()
            .withMetadata(urlMeta(url))
            .withNewSpec()
            .withNewTo()
            .withKind("Service")
            .withName(ctx.names().name())
            .endTo()
            .withNewPort()
            .withTargetPort(new IntOrString(url.port()))
            .endPort()
            .endSpec();
    if (url.isSecure()) {
      b.editSpec()
          .withNewTls()
          .withTermination("edge")
          .withInsecureEdgeTerminationPolicy("Redirect")
          .endTls()
          .endSpec();
    }
    return b.build();
  }

  private Ingress ingress(UrlSetting url) {
    return new IngressBuilder()
        .withMetadata(urlMeta(url))
        .withNewSpec()
        .addNewRule()
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(ctx.names().name())
        .withNewPort()
        .withNumber(url.port())
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
