package dev.bosun.cli;

import dev.bosun.runtime.store.KeyValue;
import dev.bosun.runtime.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs other invocations' commands in the lease holder: polls {@code cli/request/} and runs each
 * claimed request as a fresh {@link Cli} bound to this process's {@link Session}. A controller runs
 * every command; a command that holds the lease only read-only ones (the requester waits for the
 * lease for the others, so this server never sees them).
 */
final class RequestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RequestServer.class);
  private static final long POLL_MILLIS = 100;

  private final Session session;
  private final ExecutorService workers;
  private final Thread poller;
  private volatile boolean running = true;

  private RequestServer(Session session) {
    this.session = session;
    this.workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "bosun-request");
              thread.setDaemon(true);
              return thread;
            });
    this.poller = new Thread(this::poll, "bosun-request-poller");
    poller.setDaemon(true);
  }

  /** Starts serving requests. */
  static RequestServer start(Session session) {
    RequestServer server = new RequestServer(session);
    server.poller.start();
    return server;
  }

  private void poll() {
    while (running) {
      try {
        for (KeyValue request : session.store().range(Requests.REQUESTS).entries()) {
          if (Requests.claim(session.store(), request)) {
            String id = request.key().substring(Requests.REQUESTS.length());
            Requests.Request decoded = Requests.decodeRequest(request);
            workers.execute(() -> serve(id, decoded));
          }
        }
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (StoreException | java.io.UncheckedIOException e) {
        if (running) {
          LOG.warn("cannot read requests: {}", e.getMessage());
        }
      }
    }
  }

  private void serve(String id, Requests.Request request) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err)) {
      code =
          Cli.run(
              request.args().toArray(String[]::new),
              outWriter,
              errWriter,
              ModelAccess.attached(session, Path.of(request.cwd())));
    }
    // Only the verb: arguments may hold configuration values or action parameters.
    LOG.info("ran 'bosun {}' for another invocation: exit {}", verb(request), code);
    try {
      Requests.respond(
          session.store(), id, new Requests.Response(code, out.toString(), err.toString()));
    } catch (StoreException e) {
      LOG.warn("cannot answer a request: {}", e.getMessage());
    }
  }

  private static String verb(Requests.Request request) {
    for (int i = 0; i < request.args().size(); i++) {
      String arg = request.args().get(i);
      if (arg.equals("--model") || arg.equals("--store")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return "";
  }

  @Override
  public void close() {
    running = false;
    poller.interrupt();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
      poller.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
