package dev.bosun.model.spec;

import java.util.regex.Pattern;

/** Juju's name grammars ({@code juju/names}), shared by the bundle reader and the Java API. */
public final class Names {
  /** An application name: {@code [a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*}. */
  public static final String APPLICATION_SNIPPET =
      "(?:[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*)";

  /** A non-negative decimal number without leading zeros. */
  public static final String NUMBER_SNIPPET = "(?:0|[1-9][0-9]*)";

  /** A container type such as {@code lxd}. */
  public static final String CONTAINER_TYPE_SNIPPET = "(?:[a-z]+)";

  /** A relation endpoint name: {@code [a-z][a-z0-9]*([_-][a-z0-9]+)*}. */
  public static final String RELATION_SNIPPET = "(?:[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*)";

  private static final Pattern APPLICATION = Pattern.compile("^" + APPLICATION_SNIPPET + "$");
  private static final Pattern MACHINE_ID = Pattern.compile("^" + NUMBER_SNIPPET + "$");
  private static final Pattern RELATION = Pattern.compile("^" + RELATION_SNIPPET + "$");
  private static final Pattern UNIT =
      Pattern.compile("^" + APPLICATION_SNIPPET + "/" + NUMBER_SNIPPET + "$");

  private Names() {}

  /** Whether the text is a valid application name, such as {@code kubernetes-worker}. */
  public static boolean isValidApplication(String name) {
    return APPLICATION.matcher(name).matches();
  }

  /** Whether the text is a valid bundle machine id: {@code 0} or a number without leading zero. */
  public static boolean isValidMachineId(String id) {
    return MACHINE_ID.matcher(id).matches();
  }

  /** Whether the text is a valid relation endpoint name, such as {@code kube-api-endpoint}. */
  public static boolean isValidEndpoint(String name) {
    return RELATION.matcher(name).matches();
  }

  /** Whether the text is a valid unit name, such as {@code etcd/0}. */
  public static boolean isValidUnit(String name) {
    return UNIT.matcher(name).matches();
  }
}
