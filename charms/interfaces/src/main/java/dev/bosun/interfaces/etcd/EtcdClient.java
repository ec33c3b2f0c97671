package dev.bosun.interfaces.etcd;

/**
 * What a consumer publishes on an etcd {@code db} relation: nothing (as in the original interface).
 * The record exists so both sides of {@link EtcdInterface#DB} are typed.
 */
public record EtcdClient() {
  /** The one value. */
  public static final EtcdClient INSTANCE = new EtcdClient();
}
