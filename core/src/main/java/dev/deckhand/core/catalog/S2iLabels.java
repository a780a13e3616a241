package dev.deckhand.core.catalog;

/**
 * The s2i metadata odo 1.x reads from a builder image ({@code GetS2IMetaInfoFromBuilderImg}): the
 * {@code io.openshift.s2i.scripts-url} and {@code io.openshift.s2i.destination} labels, the
 * deployments-dir label, the image's working dir and its {@code name} label. Deckhand keeps them in
 * the catalog instead of reading the ImageStreamImage, so that Kubernetes and the sandbox work too.
 *
 * @param scriptsUrl e.g. {@code image:///usr/libexec/s2i}
 * @param destination where s2i sources go; {@code /tmp} when absent
 * @param deploymentsDir e.g. {@code /deployments}; null or empty when the image has none
 * @param workingDir the image's WorkingDir, e.g. {@code /opt/app-root/src}
 * @param builderImageName the image's {@code name} label, e.g. {@code ubi8/nodejs-16}
 */
public record S2iLabels(
    String scriptsUrl,
    String destination,
    String deploymentsDir,
    String workingDir,
    String builderImageName) {

  /** odo's default for a missing {@code io.openshift.s2i.destination} label. */
  public static final String DEFAULT_DESTINATION = "/tmp";

  public S2iLabels {
    destination = isEmpty(destination) ? DEFAULT_DESTINATION : destination;
    deploymentsDir = isEmpty(deploymentsDir) ? "" : deploymentsDir;
    workingDir = workingDir == null ? "" : workingDir;
    builderImageName = builderImageName == null ? "" : builderImageName;
    scriptsUrl = scriptsUrl == null ? "" : scriptsUrl;
  }

  /**
   * The protocol part of the scripts URL as odo splits it: {@code image://}, {@code file://},
   * {@code http://} or {@code https://}.
   *
   * @throws IllegalArgumentException "Unknown scripts url" for anything else
   */
  public String scriptsProtocol() {
    return split()[0];
  }

  /**
   * The path part: the remainder after {@code image://} or {@code file://}; an {@code http(s)://}
   * URL is kept whole.
   *
   * @throws IllegalArgumentException "Unknown scripts url" for anything else
   */
  public String scriptsPath() {
    return split()[1];
  }

  /** True when the deployments dir is set. */
  public boolean hasDeploymentsDir() {
    return !deploymentsDir.isEmpty();
  }

  private String[] split() {
    for (String prefix : new String[] {"image://", "file://"}) {
      if (scriptsUrl.startsWith(prefix)) {
        return new String[] {prefix, scriptsUrl.substring(prefix.length())};
      }
    }
    for (String prefix : new String[] {"http://", "https://"}) {
      if (scriptsUrl.startsWith(prefix)) {
        return new String[] {prefix, scriptsUrl};
      }
    }
    throw new IllegalArgumentException("Unknown scripts url: '" + scriptsUrl + "'");
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
