package dev.bosun.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.Store;
import dev.bosun.runtime.store.Txn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Commands handed to the process that holds the controller lease, through the store: the requester
 * puts {@code cli/request/<id>} (its arguments and working directory); the holder claims it
 * (deletes it), runs the command over its own runtime and puts {@code cli/response/<id>} (exit code
 * and output) with a lease of {@link #RESPONSE_TTL}; the requester reads and deletes it.
 */
final class Requests {
  static final String REQUESTS = "cli/request/";
  static final String RESPONSES = "cli/response/";
  static final java.time.Duration RESPONSE_TTL = java.time.Duration.ofMinutes(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Requests() {}

  /**
   * A command for the lease holder.
   *
   * @param args the command line, as the user gave it
   * @param cwd the requester's working directory, against which relative paths are resolved
   */
  record Request(List<String> args, String cwd) {}

  /**
   * What the command did.
   *
   * @param code its exit code
   * @param out what it printed on standard output
   * @param err what it printed on standard error
   */
  record Response(int code, String out, String err) {}

  /** Puts a request; returns its id. */
  static String submit(Store store, Request request) {
    String id = UUID.randomUUID().toString();
    store.commit(Txn.builder().put(REQUESTS + id, encode(request)).build());
    return id;
  }

  /** Withdraws a request nobody claimed; returns false when it was claimed meanwhile. */
  static boolean withdraw(Store store, String id) {
    Optional<KeyValue> kv = store.get(REQUESTS + id);
    if (kv.isEmpty()) {
      return false;
    }
    return store
        .commit(
            Txn.builder()
                .ifModRevision(REQUESTS + id, kv.get().modRevision())
                .delete(REQUESTS + id)
                .build())
        .succeeded();
  }

  /** Whether the request is still waiting to be claimed. */
  static boolean pending(Store store, String id) {
    return store.get(REQUESTS + id).isPresent();
  }

  /** Takes the response to a request, if there is one (and deletes it). */
  static Optional<Response> takeResponse(Store store, String id) {
    Optional<KeyValue> kv = store.get(RESPONSES + id);
    if (kv.isEmpty()) {
      return Optional.empty();
    }
    store.commit(Txn.builder().delete(RESPONSES + id).build());
    return Optional.of(decode(kv.get().value(), Response.class));
  }

  /** Claims a request: true when this caller got it. */
  static boolean claim(Store store, KeyValue request) {
    return store
        .commit(
            Txn.builder()
                .ifModRevision(request.key(), request.modRevision())
                .delete(request.key())
                .build())
        .succeeded();
  }

  /** Answers a request. */
  static void respond(Store store, String id, Response response) {
    long lease = store.grantLease(RESPONSE_TTL);
    store.commit(Txn.builder().put(RESPONSES + id, encode(response), lease).build());
  }

  static Request decodeRequest(KeyValue kv) {
    return decode(kv.value(), Request.class);
  }

  private static byte[] encode(Object value) {
    try {
      return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T decode(byte[] bytes, Class<T> type) {
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
